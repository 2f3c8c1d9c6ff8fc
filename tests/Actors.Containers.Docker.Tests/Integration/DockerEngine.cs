using Actors.Grains.Containers;
using Actors.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Containers.Docker.Tests.Integration;

/// <summary>
/// The real Docker engine the integration tests run containers on, reached the way a silo reaches it
/// (<c>AddDockerContainerRuntime</c>). Its endpoint comes from <c>ACTORS_TEST_DOCKER</c> (default the standard socket).
/// No engine, or a missing test image, fails every test of the collection with how to fix it; nothing is skipped.
/// </summary>
public sealed class DockerEngine : IAsyncLifetime
{
    /// <summary>The environment variable naming the engine endpoint (unix:///path).</summary>
    public const string EnvironmentVariable = "ACTORS_TEST_DOCKER";

    /// <summary>The images scripts/docker.sh images builds, which the tests use.</summary>
    public static readonly IReadOnlyList<string> RequiredImages =
    [
        "actors/busybox:latest", "actors/cat:latest", "actors/upper:latest", "actors/sleep:latest", "actors/exit:latest",
        "actors/large-output:latest", "actors/memhog:latest", "actors/forkbomb:latest", "actors/network:latest",
    ];

    private const string RunLabel = "actors.test.run";
    private readonly string _runId = Guid.NewGuid().ToString("N");
    private readonly ServiceProvider _services;

    /// <summary>Creates the fixture; nothing connects before <see cref="InitializeAsync"/>.</summary>
    public DockerEngine()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        Endpoint = string.IsNullOrWhiteSpace(configured) ? DockerOptions.DefaultEndpoint : configured;
        _services = CreateServices(options => options.Endpoint = Endpoint);
        Runtime = _services.GetRequiredService<IContainerRuntime>();
    }

    /// <summary>The engine endpoint.</summary>
    public string Endpoint { get; }

    /// <summary>The runtime under test.</summary>
    public IContainerRuntime Runtime { get; }

    /// <summary>A service provider with the Docker runtime configured by <paramref name="configure"/>; the caller disposes it.</summary>
    public static ServiceProvider CreateServices(Action<DockerOptions> configure) =>
        new ServiceCollection().AddDockerContainerRuntime(configure).BuildServiceProvider(validateScopes: true);

    /// <summary>Labels unique to one test (and marking this run), to find exactly its containers.</summary>
    public Dictionary<string, string> NewLabels() => new()
    {
        [RunLabel] = _runId,
        ["actors.test.case"] = Guid.NewGuid().ToString("N"),
    };

    /// <summary>
    /// Waits until no container carries <paramref name="labels"/>: a run removes its container in the background, right
    /// after it returns. Fails when one is still there after 30 s.
    /// </summary>
    public Task WaitUntilRemovedAsync(IReadOnlyDictionary<string, string> labels) =>
        Poll.UntilAsync(
            async () => (await Runtime.ListAsync(labels, TestContext.Current.CancellationToken)).Count == 0,
            TimeSpan.FromSeconds(30),
            "the run's container to be removed",
            TestContext.Current.CancellationToken);

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        try
        {
            await Runtime.PingAsync(cancellationToken);
        }
        catch (ContainerEngineUnavailableException ex)
        {
            throw new InvalidOperationException(
                $"The Docker integration tests need a Docker engine at {Endpoint} ({EnvironmentVariable} overrides it), and none answers: {ex.Message}. " +
                "Start one with 'bash scripts/docker.sh start' and build the test images with 'bash scripts/docker.sh images' (test.sh does both).",
                ex);
        }

        var present = await Runtime.ListImagesAsync(cancellationToken);
        var missing = RequiredImages.Except(present, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The Docker engine at {Endpoint} lacks the test images {string.Join(", ", missing)}: build them with 'bash scripts/docker.sh images'.");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // A failed test may leave a container behind; remove this run's, by label.
        try
        {
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            foreach (var container in await Runtime.ListAsync(new Dictionary<string, string> { [RunLabel] = _runId }, cleanup.Token))
            {
                await Runtime.RemoveAsync(container.Id, cleanup.Token);
            }
        }
        catch (ContainerRuntimeException)
        {
            // No engine: nothing was left on it either.
        }

        await _services.DisposeAsync();
    }
}
