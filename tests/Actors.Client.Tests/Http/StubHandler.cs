using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Actors.Client.Tests.Http;

/// <summary>An in-test HTTP server stand-in: records each request (with its body) and answers with a function.</summary>
internal sealed class StubHandler(Func<RecordedRequest, HttpResponseMessage> answer) : HttpMessageHandler
{
    private readonly Func<RecordedRequest, HttpResponseMessage> _answer = answer;

    public List<RecordedRequest> Requests { get; } = [];

    public RecordedRequest Last => Requests[^1];

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) };

    public static HttpResponseMessage Problem(HttpStatusCode status, string json) => Json(status, json, "application/problem+json");

    public static HttpResponseMessage Bytes(HttpStatusCode status, byte[] bytes, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(bytes) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public HttpClient CreateClient(string baseAddress = "http://127.0.0.1:5080/") => new(this) { BaseAddress = new Uri(baseAddress) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType?.MediaType,
            body);
        Requests.Add(recorded);
        var response = _answer(recorded);
        response.RequestMessage = request;
        return response;
    }
}
