using System.Net;
using System.Text;
using Actors.Client.Http;
using Actors.GrainInterfaces.Jobs;

namespace Actors.Client.Tests.Http;

public sealed class ActorsHttpClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubmitAsync_SendsTheSubmissionAsCamelCaseJsonWithItsHeaders()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Accepted, Jobs.Json(Jobs.Snapshot("j-42"))));
        using var client = new ActorsHttpClient(stub.CreateClient()) { Submitter = "alice" };
        var submission = new JobSubmission("busybox")
        {
            Command = ["cat"],
            TimeoutSeconds = 30,
            Labels = new Dictionary<string, string> { ["team"] = "a" },
        }.WithInput([0, 1, 255]);

        var job = await client.SubmitAsync(submission, idempotencyKey: "order-7", wait: TimeSpan.FromSeconds(4.2), cancellationToken: Token);

        Assert.Equal("j-42", job.Id);
        Assert.Equal(JobStatus.Queued, job.Status);
        var request = stub.Last;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/v1/jobs?wait=5", request.PathAndQuery);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("order-7", request.Headers["Idempotency-Key"]);
        Assert.Equal("alice", request.Headers["X-Submitter"]);
        var body = request.Json;
        Assert.Equal("busybox", body.GetProperty("image").GetString());
        Assert.Equal("cat", body.GetProperty("command")[0].GetString());
        Assert.Equal(30, body.GetProperty("timeoutSeconds").GetInt32());
        Assert.Equal("AAH/", body.GetProperty("inputBase64").GetString());
        Assert.Equal("a", body.GetProperty("labels").GetProperty("team").GetString());
        Assert.False(body.TryGetProperty("input", out _), "Unset fields are omitted, not sent as null.");
        Assert.False(body.TryGetProperty("cpus", out _));
    }

    [Fact]
    public async Task SubmitAsync_ValidationProblem_ThrowsWithTheNamedFields()
    {
        var stub = new StubHandler(_ => StubHandler.Problem(HttpStatusCode.BadRequest, """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The job submission is invalid.","status":400,
             "detail":"See errors.","errors":{"timeoutSeconds":["must be between 1 and 86400"],"image":["is required","x"]},"traceId":"00-1"}
            """));
        using var client = new ActorsHttpClient(stub.CreateClient());

        var error = await Assert.ThrowsAsync<ActorsApiException>(() => client.SubmitAsync(new JobSubmission(""), cancellationToken: Token));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("The job submission is invalid.", error.Title);
        Assert.Equal("See errors.", error.Detail);
        Assert.Equal(["must be between 1 and 86400"], error.Errors["timeoutSeconds"]);
        Assert.Equal(["is required", "x"], error.Errors["image"]);
        Assert.Equal("00-1", error.Extensions["traceId"].GetString());
        Assert.Contains("timeoutSeconds: must be between 1 and 86400", error.Message, StringComparison.Ordinal);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task SubmitAsync_QueueFull_ThrowsWithRetryAfterSeconds()
    {
        var stub = new StubHandler(_ =>
        {
            var response = StubHandler.Problem(HttpStatusCode.TooManyRequests, """{"title":"The job queue is full.","status":429}""");
            response.Headers.TryAddWithoutValidation("Retry-After", "7");
            return response;
        });
        using var client = new ActorsHttpClient(stub.CreateClient());

        var error = await Assert.ThrowsAsync<ActorsApiException>(() => client.SubmitAsync(new JobSubmission("busybox"), cancellationToken: Token));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task SubmitAsync_RetryAfterAsADate_IsMeasuredFromTheClientsClock()
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var stub = new StubHandler(_ =>
        {
            var response = StubHandler.Problem(HttpStatusCode.TooManyRequests, """{"title":"Busy.","status":429}""");
            response.Headers.TryAddWithoutValidation("Retry-After", now.AddSeconds(90).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            return response;
        });
        using var client = new ActorsHttpClient(stub.CreateClient()) { TimeProvider = new FixedTime(now) };

        var error = await Assert.ThrowsAsync<ActorsApiException>(() => client.SubmitAsync(new JobSubmission("busybox"), cancellationToken: Token));

        Assert.Equal(TimeSpan.FromSeconds(90), error.RetryAfter);
    }

    [Fact]
    public async Task Errors_WithoutAProblemBody_CarryTheStatusAndText()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("upstream down", Encoding.UTF8, "text/plain") });
        using var client = new ActorsHttpClient(stub.CreateClient());

        var error = await Assert.ThrowsAsync<ActorsApiException>(() => client.CancelAsync("j-1", Token));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal("upstream down", error.Detail);
        Assert.False(string.IsNullOrEmpty(error.Title));
    }

    [Fact]
    public async Task GetAsync_UnknownJob_ReturnsNull()
    {
        var stub = new StubHandler(_ => StubHandler.Problem(HttpStatusCode.NotFound, """{"title":"The job does not exist.","status":404}"""));
        using var client = new ActorsHttpClient(stub.CreateClient());

        var job = await client.GetAsync("j/../x", Token);

        Assert.Null(job);
        Assert.Equal("/v1/jobs/j%2F..%2Fx", stub.Last.Uri.AbsolutePath.Replace("%2f", "%2F", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAsync_ReadsStringEnumsAndNulls()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, Jobs.Json(Jobs.Snapshot("j-9", JobStatus.Failed, 4, exitCode: 3))));
        using var client = new ActorsHttpClient(stub.CreateClient());

        var job = await client.GetAsync("j-9", Token);

        Assert.NotNull(job);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(3, job.ExitCode);
        Assert.Equal(4, job.Version);
        Assert.Equal("a", job.Spec.Labels!["team"]);
        Assert.Equal(HttpMethod.Get, stub.Last.Method);
        Assert.Equal("/v1/jobs/j-9", stub.Last.PathAndQuery);
    }

    [Fact]
    public async Task ListAsync_SendsTheFiltersAndReadsThePage()
    {
        var page = $$"""{"jobs":[{{Jobs.Json(Jobs.Snapshot("j-2"))}},{{Jobs.Json(Jobs.Snapshot("j-1"))}}],"nextCursor":"abc=="}""";
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, page));
        using var client = new ActorsHttpClient(stub.CreateClient());

        var list = await client.ListAsync(JobStatus.Running, "team=a b", 2, "c/d", Token);

        Assert.Equal(["j-2", "j-1"], list.Jobs.Select(j => j.Id));
        Assert.Equal("abc==", list.NextCursor);
        Assert.Equal("/v1/jobs?status=Running&label=team%3Da%20b&limit=2&cursor=c%2Fd", stub.Last.PathAndQuery);
    }

    [Fact]
    public async Task GetOutputAsync_ReturnsTheRawBytes()
    {
        var bytes = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var stub = new StubHandler(_ => StubHandler.Bytes(HttpStatusCode.OK, bytes, ("X-Exit-Code", "0")));
        using var client = new ActorsHttpClient(stub.CreateClient());

        var output = await client.GetOutputAsync("j-1", Token);

        Assert.Equal(bytes, output);
        Assert.Equal("/v1/jobs/j-1/output", stub.Last.PathAndQuery);
    }

    [Fact]
    public async Task GetOutputAsync_JobNotFinal_ThrowsConflict()
    {
        var stub = new StubHandler(_ => StubHandler.Problem(HttpStatusCode.Conflict, """{"title":"The job is Running.","status":409,"jobStatus":"Running"}"""));
        using var client = new ActorsHttpClient(stub.CreateClient());

        var error = await Assert.ThrowsAsync<ActorsApiException>(() => client.GetOutputAsync("j-1", Token));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("Running", error.Extensions["jobStatus"].GetString());
    }

    [Fact]
    public async Task CancelAsync_SendsDeleteAndReturnsTheJob()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, Jobs.Json(Jobs.Snapshot("j-1", JobStatus.Cancelled, 3))));
        using var client = new ActorsHttpClient(stub.CreateClient());

        var job = await client.CancelAsync("j-1", Token);

        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.Equal(HttpMethod.Delete, stub.Last.Method);
    }

    [Fact]
    public async Task GetNodesAsync_ReadsTheNodes()
    {
        const string Body = """
            {"nodes":[{"node":"vm-1","silo":"127.0.0.1:11111","engineAvailable":true,"engineDetail":"20.10",
              "capacity":{"cpus":2,"memoryMb":2048,"slots":4},"free":{"cpus":1.5,"memoryMb":1024,"slots":3},
              "running":[],"images":["busybox:latest"],"canPull":false,"online":true,"reportedAt":"2026-11-23T12:00:00+00:00"}]}
            """;
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, Body));
        using var client = new ActorsHttpClient(stub.CreateClient());

        var nodes = await client.GetNodesAsync(Token);

        var node = Assert.Single(nodes);
        Assert.Equal("vm-1", node.Node);
        Assert.Equal(1.5, node.Free.Cpus);
        Assert.Equal(["busybox:latest"], node.Images);
        Assert.Equal("/v1/nodes", stub.Last.PathAndQuery);
    }

    [Fact]
    public async Task Requests_WithoutAnAnswerInTime_ThrowTimeout()
    {
        using var handler = new NeverAnswers();
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:5080/") };
        using var client = new ActorsHttpClient(http) { RequestTimeout = TimeSpan.FromMilliseconds(100) };

        await Assert.ThrowsAsync<TimeoutException>(() => client.GetAsync("j-1", Token));
    }

    [Fact]
    public void Constructor_HttpClientWithoutBaseAddress_Throws()
    {
        using var http = new HttpClient();

        Assert.Throws<ArgumentException>(() => new ActorsHttpClient(http));
    }

    [Fact]
    public async Task RequestPaths_KeepAPathPrefixOfTheBaseAddress()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"nodes":[]}"""));
        using var http = stub.CreateClient("http://127.0.0.1:5080/actors/");
        using var client = new ActorsHttpClient(http);

        await client.GetNodesAsync(Token);

        Assert.Equal("/actors/v1/nodes", stub.Last.PathAndQuery);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://127.0.0.1:5080/", "http://127.0.0.1:5080/")]
    [InlineData("http://127.0.0.1:5080/actors", "http://127.0.0.1:5080/actors/")]
    [InlineData("https://127.0.0.1/a/b/", "https://127.0.0.1/a/b/")]
    public void WithTrailingSlash_KeepsThePathPrefix(string given, string expected) =>
        Assert.Equal(new Uri(expected), ActorsHttpClient.WithTrailingSlash(new Uri(given)));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class NeverAnswers : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
