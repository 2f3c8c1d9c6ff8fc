using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Actors.Benchmarks.Coordination;

/// <summary>
/// The silo's coordination REST API: <c>/v1/sessions</c>, <c>/v1/locks/{name}</c>, <c>/v1/kv/{key}</c> and the
/// server-sent events of <c>/v1/watch</c>.
/// </summary>
internal sealed class ActorsApi : ICoordinationApi
{
    private const int SessionTtlSeconds = 30;
    private const int LockWaitSeconds = 5;
    private static readonly byte[] CreateSessionBody = Encoding.UTF8.GetBytes($"{{\"ttlSeconds\":{SessionTtlSeconds.ToString(CultureInfo.InvariantCulture)}}}");

    private readonly HttpClient _http;
    private readonly Uri _baseAddress;

    /// <summary>A client of the silo at <paramref name="baseAddress"/>, keeping at most <paramref name="connections"/> connections.</summary>
    public ActorsApi(Uri baseAddress, int connections)
    {
        _baseAddress = baseAddress;
        _http = CoordinationHttp.Create(baseAddress, connections);
    }

    public string Name => "actors";

    public async Task<string> CreateSessionAsync(CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(CreateSessionBody);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(new Uri("v1/sessions", UriKind.Relative), content, cancellationToken);
        using var answer = await ReadAsync(response, "POST /v1/sessions", HttpStatusCode.Created, cancellationToken);
        return answer!.RootElement.GetProperty("id").GetString()!;
    }

    public async Task CloseSessionAsync(string session, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(new Uri("v1/sessions/" + Uri.EscapeDataString(session), UriKind.Relative), cancellationToken);
        using var answer = await ReadAsync(response, "DELETE /v1/sessions", HttpStatusCode.NoContent, cancellationToken);
    }

    public async Task<string> LockAsync(string name, string session, CancellationToken cancellationToken)
    {
        var path = $"v1/locks/{Uri.EscapeDataString(name)}?session={Uri.EscapeDataString(session)}&wait={LockWaitSeconds.ToString(CultureInfo.InvariantCulture)}";
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content: null, cancellationToken);
        using var answer = await ReadAsync(response, "POST /v1/locks", HttpStatusCode.OK, cancellationToken);
        return answer!.RootElement.GetProperty("token").GetInt64().ToString(CultureInfo.InvariantCulture);
    }

    public async Task UnlockAsync(string name, string session, string grant, CancellationToken cancellationToken)
    {
        var path = $"v1/locks/{Uri.EscapeDataString(name)}?session={Uri.EscapeDataString(session)}&token={grant}";
        using var response = await _http.DeleteAsync(new Uri(path, UriKind.Relative), cancellationToken);
        using var answer = await ReadAsync(response, "DELETE /v1/locks", HttpStatusCode.NoContent, cancellationToken);
    }

    public async Task PutAsync(string key, byte[] value, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(value);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await _http.PutAsync(new Uri("v1/kv/" + EscapeKey(key), UriKind.Relative), content, cancellationToken);
        using var answer = await ReadAsync(response, "PUT /v1/kv", HttpStatusCode.OK, cancellationToken);
    }

    public async Task<WatchStream> WatchAsync(string prefix, CancellationToken cancellationToken)
    {
        // Its own connection, kept open for the whole stream.
        var http = CoordinationHttp.Create(_baseAddress, connections: 1);
        using var message = new HttpRequestMessage(HttpMethod.Get, "v1/watch?prefix=" + Uri.EscapeDataString(prefix));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            http.Dispose();
            throw new CoordinationCallException(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), $"GET /v1/watch answered {(int)response.StatusCode}: {body}");
        }

        return new WatchStream(response, KeysOf, http);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The key of one server-sent event's <c>data:</c> line (<c>{"revision":N,"type":"put","key":"..."}</c>); other lines announce none.</summary>
    private static IEnumerable<string> KeysOf(string line)
    {
        if (!line.StartsWith("data:", StringComparison.Ordinal))
        {
            return [];
        }

        using var document = JsonDocument.Parse(line.AsMemory(5));
        return document.RootElement.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String ? [key.GetString()!] : [];
    }

    /// <summary>Each segment escaped, the slashes kept (the route is <c>/v1/kv/{*key}</c>).</summary>
    private static string EscapeKey(string key) => string.Join('/', key.Split('/').Select(Uri.EscapeDataString));

    /// <summary>The answer's JSON when it has the <paramref name="expected"/> status (null for an empty body), else throws with the problem body.</summary>
    private static async Task<JsonDocument?> ReadAsync(HttpResponseMessage response, string call, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != expected)
        {
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            throw new CoordinationCallException(status, $"{call} answered {status} (expected {(int)expected}): {(body.Length > 400 ? body[..400] : body)}");
        }

        return body.Length == 0 ? null : JsonDocument.Parse(body);
    }
}
