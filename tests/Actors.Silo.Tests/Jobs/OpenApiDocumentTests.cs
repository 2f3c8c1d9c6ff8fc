using System.Net;
using System.Text.Json;

namespace Actors.Silo.Tests.Jobs;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> describes every job and node endpoint.</summary>
public sealed class OpenApiDocumentTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/v1/jobs", "post", "SubmitJob")]
    [InlineData("/v1/jobs", "get", "ListJobs")]
    [InlineData("/v1/jobs/{id}", "get", "GetJob")]
    [InlineData("/v1/jobs/{id}", "delete", "CancelJob")]
    [InlineData("/v1/jobs/{id}/output", "get", "GetJobOutput")]
    [InlineData("/v1/jobs/{id}/events", "get", "WatchJob")]
    [InlineData("/v1/run", "post", "RunJob")]
    [InlineData("/v1/nodes", "get", "ListNodes")]
    public async Task Document_DescribesTheEndpoint(string path, string method, string operationId)
    {
        using var response = await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
        Assert.NotEmpty(operation.GetProperty("tags").EnumerateArray());
        Assert.True(operation.GetProperty("responses").EnumerateObject().Count() >= 2, $"{method} {path} documents fewer than two responses.");
    }

    [Fact]
    public async Task Document_DescribesTheSubmissionBody()
    {
        using var response = await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var body = document.RootElement.GetProperty("paths").GetProperty("/v1/jobs").GetProperty("post").GetProperty("requestBody");

        Assert.True(body.GetProperty("content").TryGetProperty("application/json", out _));
        Assert.Contains("timeoutSeconds", document.RootElement.GetProperty("components").GetRawText(), StringComparison.Ordinal);
    }
}
