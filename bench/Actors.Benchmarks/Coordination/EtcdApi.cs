using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Actors.Benchmarks.Coordination;

/// <summary>
/// etcd 3.4 through its HTTP/JSON gateway (grpc-gateway on the client port): keys, values and lock names travel as
/// base64, 64-bit ids as JSON strings.
/// </summary>
internal sealed class EtcdApi : ICoordinationApi
{
    private const int LeaseTtlSeconds = 30;

    private readonly HttpClient _http;
    private readonly Uri _baseAddress;

    /// <summary>A client of the etcd member at <paramref name="baseAddress"/>, keeping at most <paramref name="connections"/> connections.</summary>
    public EtcdApi(Uri baseAddress, int connections)
    {
        _baseAddress = baseAddress;
        _http = CoordinationHttp.Create(baseAddress, connections);
    }

    public string Name => "etcd";

    public async Task<string> CreateSessionAsync(CancellationToken cancellationToken)
    {
        using var answer = await PostAsync("v3/lease/grant", new Dictionary<string, object> { ["TTL"] = LeaseTtlSeconds }, cancellationToken);
        return answer.RootElement.TryGetProperty("ID", out var id) ? id.ToString() : throw Unexpected("lease/grant", answer);
    }

    public async Task CloseSessionAsync(string session, CancellationToken cancellationToken)
    {
        using var answer = await PostAsync("v3/lease/revoke", new Dictionary<string, object> { ["ID"] = session }, cancellationToken);
    }

    public async Task<string> LockAsync(string name, string session, CancellationToken cancellationToken)
    {
        using var answer = await PostAsync("v3/lock/lock", new Dictionary<string, object> { ["name"] = Base64(name), ["lease"] = session }, cancellationToken);
        return answer.RootElement.TryGetProperty("key", out var key) ? key.GetString()! : throw Unexpected("lock/lock", answer);
    }

    public async Task UnlockAsync(string name, string session, string grant, CancellationToken cancellationToken)
    {
        using var answer = await PostAsync("v3/lock/unlock", new Dictionary<string, object> { ["key"] = grant }, cancellationToken);
    }

    public async Task PutAsync(string key, byte[] value, CancellationToken cancellationToken)
    {
        using var answer = await PostAsync("v3/kv/put", new Dictionary<string, object> { ["key"] = Base64(key), ["value"] = Convert.ToBase64String(value) }, cancellationToken);
    }

    public async Task<WatchStream> WatchAsync(string prefix, CancellationToken cancellationToken)
    {
        var request = new Dictionary<string, object>
        {
            ["create_request"] = new Dictionary<string, object> { ["key"] = Base64(prefix), ["range_end"] = Convert.ToBase64String(PrefixEnd(prefix)) },
        };

        // Its own connection, kept open for the whole stream.
        var http = CoordinationHttp.Create(_baseAddress, connections: 1);
        using var message = new HttpRequestMessage(HttpMethod.Post, "v3/watch") { Content = Json(request) };
        var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            http.Dispose();
            throw new CoordinationCallException(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), $"etcd /v3/watch answered {(int)response.StatusCode}: {body}");
        }

        return new WatchStream(response, KeysOf, http);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The keys of one streamed watch response: <c>{"result":{"events":[{"kv":{"key":"base64",...}}]}}</c>.</summary>
    private static IEnumerable<string> KeysOf(string line)
    {
        if (line.Length == 0)
        {
            return [];
        }

        using var document = JsonDocument.Parse(line);
        if (document.RootElement.TryGetProperty("error", out var error))
        {
            throw new FormatException("etcd's watch stream reported an error: " + error);
        }

        if (!document.RootElement.TryGetProperty("result", out var result) || !result.TryGetProperty("events", out var events))
        {
            return [];
        }

        return [.. events.EnumerateArray().Select(e => Encoding.UTF8.GetString(Convert.FromBase64String(e.GetProperty("kv").GetProperty("key").GetString()!)))];
    }

    /// <summary>The key right after every key that starts with <paramref name="prefix"/> (etcd's range_end for a prefix).</summary>
    private static byte[] PrefixEnd(string prefix)
    {
        var end = Encoding.UTF8.GetBytes(prefix);
        for (var i = end.Length - 1; i >= 0; i--)
        {
            if (end[i] < 0xff)
            {
                end[i]++;
                return end[..(i + 1)];
            }
        }

        return [0];
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static ByteArrayContent Json(object body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static CoordinationCallException Unexpected(string call, JsonDocument answer) =>
        new("unexpected", $"etcd {call} answered without the expected field: {answer.RootElement}");

    private async Task<JsonDocument> PostAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var content = Json(body);
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text)
            : throw new CoordinationCallException(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), $"etcd /{path} answered {(int)response.StatusCode}: {text}");
    }
}
