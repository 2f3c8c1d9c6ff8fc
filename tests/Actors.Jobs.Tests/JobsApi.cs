using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Actors.TestKit;

namespace Actors.Jobs.Tests;

/// <summary>The REST API of one silo over plain HTTP, reading answers as JSON trees (the tests check the documented shape).</summary>
internal sealed class JobsApi(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };

    public HttpClient Http => _http;

    /// <summary>POST /v1/jobs with a JSON body.</summary>
    public async Task<ApiAnswer> SubmitAsync(JsonObject body, string? idempotencyKey = null, string query = "", string? submitter = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/jobs" + query) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (submitter is not null)
        {
            request.Headers.Add("X-Submitter", submitter);
        }

        return await SendAsync(request);
    }

    /// <summary>POST /v1/run with a raw body.</summary>
    public async Task<HttpResponseMessage> RunAsync(string image, byte[] stdin, int? timeoutSeconds = null, params string[] command)
    {
        var query = "/v1/run?image=" + Uri.EscapeDataString(image) + string.Concat(command.Select(c => "&cmd=" + Uri.EscapeDataString(c)));
        if (timeoutSeconds is { } seconds)
        {
            query += "&timeoutSeconds=" + seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var content = new ByteArrayContent(stdin);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await _http.PostAsync(query, content);
    }

    public async Task<ApiAnswer> GetAsync(string path) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<ApiAnswer> DeleteAsync(string path) => await SendAsync(new HttpRequestMessage(HttpMethod.Delete, path));

    /// <summary>Polls the job until it is final (the API's events and waits are tested separately).</summary>
    public async Task<JsonObject> WaitFinalAsync(string jobId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        JsonObject? job = null;
        await Poll.UntilAsync(
            async () =>
            {
                var answer = await GetAsync("/v1/jobs/" + jobId);
                job = answer.Status == HttpStatusCode.OK ? answer.Json : null;
                return job is not null && IsFinal(Status(job));
            },
            timeout,
            $"job {jobId} to finish",
            cancellationToken);
        return job!;
    }

    /// <summary>Polls the job until its status is <paramref name="status"/>.</summary>
    public async Task<JsonObject> WaitStatusAsync(string jobId, string status, TimeSpan timeout, CancellationToken cancellationToken)
    {
        JsonObject? job = null;
        await Poll.UntilAsync(
            async () =>
            {
                var answer = await GetAsync("/v1/jobs/" + jobId);
                job = answer.Status == HttpStatusCode.OK ? answer.Json : null;
                return job is not null && string.Equals(Status(job), status, StringComparison.OrdinalIgnoreCase);
            },
            timeout,
            $"job {jobId} to be {status}",
            cancellationToken);
        return job!;
    }

    public static string Status(JsonObject job) => job["status"]!.GetValue<string>();

    public static bool IsFinal(string status) =>
        status.ToUpperInvariant() is "SUCCEEDED" or "FAILED" or "TIMEDOUT" or "CANCELLED";

    public void Dispose() => _http.Dispose();

    private async Task<ApiAnswer> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
                ? JsonNode.Parse(text) as JsonObject
                : null;
            return new ApiAnswer(response.StatusCode, json, text, response.Headers);
        }
    }
}
