using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Actors.Grains.Containers;
using Microsoft.Extensions.Options;

namespace Actors.Containers.Docker.Engine;

/// <summary>
/// The Docker Engine REST API over its Unix socket, one method per engine call. Engine refusals become the port's
/// exceptions carrying the engine's own message; an absent, refusing or silent engine becomes
/// <see cref="ContainerEngineUnavailableException"/>. Short calls are bounded by <see cref="DockerOptions.RequestTimeout"/>,
/// pulls by <see cref="DockerOptions.PullTimeout"/>; waiting for a container is bounded only by the caller's token.
/// </summary>
internal sealed partial class DockerEngineClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly DockerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly string _socketPath;

    /// <summary>Creates a client for the engine named by <paramref name="options"/>; nothing connects yet.</summary>
    public DockerEngineClient(IOptions<DockerOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        if (!DockerEndpoint.TryParse(_options.Endpoint, out var socketPath, out var error))
        {
            throw new ArgumentException($"DockerOptions.Endpoint: {error}", nameof(options));
        }

        _socketPath = socketPath;
        Endpoint = _options.Endpoint;
        ApiPath = $"/v{_options.ApiVersion}/";
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) => new NetworkStream(await ConnectSocketAsync(cancellationToken), ownsSocket: true),
            ConnectTimeout = _options.ConnectTimeout,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };

        // The host name is never resolved: every connection goes to the socket. Timeouts are per call (see CallAsync).
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri("http://docker" + ApiPath),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The engine endpoint, as configured (for messages).</summary>
    public string Endpoint { get; }

    /// <summary>The versioned path prefix of every request, for example <c>/v1.41/</c>.</summary>
    private string ApiPath { get; }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary><c>GET /_ping</c>: the engine's one-word answer (OK).</summary>
    public Task<string> PingAsync(CancellationToken cancellationToken) =>
        CallAsync("answer a ping", _options.RequestTimeout, async token =>
        {
            using var response = await _http.GetAsync("_ping", token);
            await EnsureSuccessAsync(response, "answer a ping", token);
            return (await response.Content.ReadAsStringAsync(token)).Trim();
        }, cancellationToken);

    /// <summary><c>GET /version</c>.</summary>
    public Task<VersionResponse> GetVersionAsync(CancellationToken cancellationToken) =>
        CallAsync("report its version", _options.RequestTimeout, async token =>
        {
            using var response = await _http.GetAsync("version", token);
            await EnsureSuccessAsync(response, "report its version", token);
            return await ReadJsonAsync(response, DockerJsonContext.Default.VersionResponse, token);
        }, cancellationToken);

    private async ValueTask<Socket> ConnectSocketAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs one engine call under a timeout (when given) and turns transport failures into the port's exceptions:
    /// a refused or absent socket, a dropped connection or a silent engine all mean the engine is unavailable.
    /// </summary>
    private async Task<T> CallAsync<T>(string operation, TimeSpan? timeout, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var timeoutSource = timeout is { } limit ? new CancellationTokenSource(limit, _timeProvider) : null;
        using var linked = timeoutSource is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            return await call(linked?.Token ?? cancellationToken);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Our own timeout, or HttpClient's connect timeout: either way the engine did not answer in time.
            throw new ContainerEngineUnavailableException($"Docker engine at {Endpoint} did not {operation} within {timeout ?? _options.ConnectTimeout}.", ex);
        }
        catch (HttpRequestException ex) when (ex.StatusCode is null)
        {
            throw Unreachable(ex);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            throw Unreachable(ex);
        }
        catch (JsonException ex)
        {
            throw new ContainerRuntimeException($"Docker engine at {Endpoint} answered the request to {operation} with unreadable JSON: {ex.Message}", ex);
        }
    }

    private ContainerEngineUnavailableException Unreachable(Exception exception)
    {
        // The socket error says more than HttpClient's wrapper; an absent socket file (which .NET reports as
        // "Cannot assign requested address") says most of all: no engine was started there.
        var reason = exception.Message;
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socketError)
            {
                reason = socketError.Message;
                break;
            }
        }

        if (!Path.Exists(_socketPath))
        {
            reason = $"there is no socket file {_socketPath} (is the engine running?)";
        }

        return new ContainerEngineUnavailableException($"Docker engine unreachable at {Endpoint}: {reason}", exception);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await RefusalAsync(response, operation, cancellationToken);
        }
    }

    private static async Task<ContainerRuntimeException> RefusalAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var message = await ReadErrorMessageAsync(response, cancellationToken);
        return new ContainerRuntimeException($"Docker engine refused to {operation}: {message} (HTTP {(int)response.StatusCode})");
    }

    private static async Task<string> ReadErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return ErrorMessage(body, response.ReasonPhrase ?? response.StatusCode.ToString());
    }

    /// <summary>The <c>message</c> of an engine error body, else the body itself, else <paramref name="fallback"/>.</summary>
    private static string ErrorMessage(string body, string fallback)
    {
        try
        {
            var error = JsonSerializer.Deserialize(body, DockerJsonContext.Default.ErrorResponse);
            if (!string.IsNullOrWhiteSpace(error?.Message))
            {
                return error.Message.Trim();
            }
        }
        catch (JsonException)
        {
            // Not the engine's JSON error shape: report the text as it is.
        }

        body = body.Trim();
        return body.Length == 0 ? fallback : body.Length <= 1000 ? body : body[..1000] + "...";
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken)
            ?? throw new ContainerRuntimeException($"Docker engine answered {response.RequestMessage?.RequestUri?.AbsolutePath} with an empty JSON body.");
    }

    private static bool IsNotFound(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.NotFound;

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
