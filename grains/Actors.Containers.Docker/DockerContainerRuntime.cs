using Actors.Containers.Docker.Engine;
using Actors.Grains.Containers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Containers.Docker;

/// <summary>
/// <see cref="IContainerRuntime"/> on a Docker engine through its REST API (see <see cref="DockerEngineClient"/>). Every
/// container is hardened (no network, read-only root with a small noexec tmpfs at /tmp, no capabilities,
/// no-new-privileges, memory without swap, CPU and pids limits, no log files) and removed after its run, in the
/// background (<see cref="ContainerRemovals"/>): disposing the runtime waits for the removals in flight.
/// </summary>
internal sealed partial class DockerContainerRuntime : IContainerRuntime, IAsyncDisposable, IDisposable
{
    /// <summary>The pauses before the second and third try of a background removal.</summary>
    private static readonly TimeSpan[] RemoveRetryDelays = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    private readonly DockerEngineClient _client;
    private readonly DockerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DockerContainerRuntime> _logger;
    private readonly ContainerRemovals _removals;

    /// <summary>Creates the runtime over <paramref name="client"/>.</summary>
    public DockerContainerRuntime(DockerEngineClient client, IOptions<DockerOptions> options, TimeProvider timeProvider, ILogger<DockerContainerRuntime> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options.Value;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _removals = new ContainerRemovals(_client.RemoveContainerAsync, RemoveRetryDelays, _options.RequestTimeout, timeProvider, logger);
    }

    /// <summary>Containers whose background removal has not finished yet.</summary>
    internal int PendingRemovals => _removals.Pending;

    /// <summary>Waits (at most <see cref="DockerOptions.RequestTimeout"/>) for the containers still being removed.</summary>
    public ValueTask DisposeAsync() => _removals.DisposeAsync();

    /// <summary>
    /// Does not wait for the removals in flight (a synchronous wait could block a thread the removals need); hosts
    /// dispose asynchronously, and whatever is left is removed as an orphan at the node's next start.
    /// </summary>
    public void Dispose()
    {
    }

    /// <inheritdoc />
    public async Task<ContainerEngineInfo> PingAsync(CancellationToken cancellationToken)
    {
        await _client.PingAsync(cancellationToken);
        var version = await _client.GetVersionAsync(cancellationToken);
        return new ContainerEngineInfo(version.Version, _options.ApiVersion, _options.Registry);
    }

    /// <inheritdoc />
    public async Task EnsureImageAsync(string image, CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(image);
        if (await _client.ImageExistsAsync(image, cancellationToken))
        {
            return;
        }

        if (_options.Registry is not { } registry)
        {
            throw new ContainerImageNotFoundException(
                $"Image '{image}' is not present on the Docker engine at {_client.Endpoint}, and no registry is configured to pull it from (DockerOptions.Registry).");
        }

        // A name without a registry host comes from the configured registry and is then tagged with the name asked
        // for, which is the name containers are created from. A name with its own host is pulled as it is.
        var source = reference.Domain is null ? reference.InRegistry(registry) : reference;
        var started = _timeProvider.GetTimestamp();
        Log.ImagePulling(_logger, image, source.ToString());
        await _client.PullImageAsync(source.Repository, source.Digest ?? source.Tag ?? ImageReference.DefaultTag, cancellationToken);
        if (!ReferenceEquals(source, reference) && reference.Digest is null)
        {
            await _client.TagImageAsync(source.ToString(), reference.Repository, reference.Tag ?? ImageReference.DefaultTag, cancellationToken);
        }

        if (!await _client.ImageExistsAsync(image, cancellationToken))
        {
            throw new ContainerImageNotFoundException($"Image '{image}' is still not present on the Docker engine after pulling {source}.");
        }

        Log.ImagePulled(_logger, image, _timeProvider.GetElapsedTime(started));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListImagesAsync(CancellationToken cancellationToken)
    {
        var images = await _client.ListImagesAsync(cancellationToken);
        return
        [
            .. images
                .SelectMany(image => image.RepoTags ?? [])
                .Where(tag => !tag.Contains("<none>", StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ContainerSummary>> ListAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var label in labels)
        {
            if (string.IsNullOrEmpty(label.Key) || label.Key.Contains('=', StringComparison.Ordinal) || label.Value is null)
            {
                throw new ArgumentException($"Label '{label.Key}' must have a non-empty name without '=' and a value.", nameof(labels));
            }
        }

        var containers = await _client.ListContainersAsync(labels, cancellationToken);
        return
        [
            .. containers.Select(container => new ContainerSummary(
                container.Id,
                container.State ?? string.Empty,
                container.Labels ?? new Dictionary<string, string>())),
        ];
    }

    /// <inheritdoc />
    public Task RemoveAsync(string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        return _client.RemoveContainerAsync(containerId, cancellationToken);
    }
}
