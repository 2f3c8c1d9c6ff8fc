using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Actors.Benchmarks.Jobs;

/// <summary>The few jobs REST calls the benchmark makes on one silo, over one keep-alive connection pool.</summary>
internal sealed class JobsApi : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client of the silo listening on 127.0.0.1:<paramref name="httpPort"/>, keeping at most <paramref name="connections"/> connections.</summary>
    public JobsApi(int httpPort, int connections = 4)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri($"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}/"),
            Timeout = TimeSpan.FromMinutes(6),
        };
    }

    /// <summary><c>POST /v1/run?image=IMAGE</c> with <paramref name="input"/> as the body: the status, the job id and the body.</summary>
    public async Task<(HttpStatusCode Status, string? JobId, byte[] Body)> RunAsync(string image, byte[] input, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(input);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await _http.PostAsync(new Uri("v1/run?image=" + Uri.EscapeDataString(image), UriKind.Relative), content, cancellationToken);
        var jobId = response.Headers.TryGetValues("X-Job-Id", out var ids) ? ids.FirstOrDefault() : null;
        return (response.StatusCode, jobId, await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    /// <summary><c>POST /v1/jobs[?wait=N]</c> with a JSON body, as <paramref name="submitter"/>: the status and the answer's JSON (or problem).</summary>
    public async Task<(HttpStatusCode Status, string Body)> SubmitAsync(byte[] json, string submitter, int? waitSeconds, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, waitSeconds is { } wait ? $"v1/jobs?wait={wait.ToString(CultureInfo.InvariantCulture)}" : "v1/jobs");
        request.Headers.Add("X-Submitter", submitter);
        request.Content = new ByteArrayContent(json);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.SendAsync(request, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary><c>GET /v1/jobs/{id}</c>: the job's JSON.</summary>
    public async Task<JsonElement> GetJobAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri("v1/jobs/" + Uri.EscapeDataString(id), UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /v1/jobs/{id} answered {(int)response.StatusCode}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary><c>GET /v1/jobs/{id}/output</c>: the job's stdout.</summary>
    public async Task<byte[]> GetOutputAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri($"v1/jobs/{Uri.EscapeDataString(id)}/output", UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? body
            : throw new InvalidOperationException($"GET /v1/jobs/{id}/output answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
    }

    /// <summary><c>GET /v1/nodes</c>: how many executor nodes are online with a working engine.</summary>
    public async Task<int> CountReadyNodesAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri("v1/nodes", UriKind.Relative), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return 0;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.GetProperty("nodes").EnumerateArray()
            .Count(node => node.GetProperty("online").GetBoolean() && node.GetProperty("engineAvailable").GetBoolean());
    }

    /// <summary>The JSON body of a job of <paramref name="image"/> with <paramref name="input"/> as its (text) stdin.</summary>
    public static byte[] JobJson(string image, string input) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["image"] = image, ["input"] = input });

    public void Dispose() => _http.Dispose();
}
