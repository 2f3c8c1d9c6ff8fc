using System.Net;

namespace Actors.Silo.Tests.Jobs;

/// <summary>Every rule of <c>POST /v1/jobs</c> answers 400 and names the field; none of these reach a grain.</summary>
public sealed class SubmitJobValidationTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string> InvalidBodies() => new()
    {
        { """{}""", "image" },
        { """{"image": ""}""", "image" },
        { """{"image": "BusyBox"}""", "image" },
        { """{"image": "busybox:"}""", "image" },
        { """{"image": "busy box"}""", "image" },
        { """{"image": "busybox@sha256:abc"}""", "image" },
        { """{"image": "busybox", "command": ["echo", null]}""", "command[1]" },
        { """{"image": "busybox", "command": ["a\u0000b"]}""", "command[0]" },
        { """{"image": "busybox", "env": {"1ABC": "x"}}""", "env" },
        { """{"image": "busybox", "env": {"A-B": "x"}}""", "env" },
        { """{"image": "busybox", "env": {"OK": null}}""", "env" },
        { """{"image": "busybox", "input": "a", "inputBase64": "YQ=="}""", "inputBase64" },
        { """{"image": "busybox", "inputBase64": "not base64!"}""", "inputBase64" },
        { """{"image": "busybox", "timeoutSeconds": 0}""", "timeoutSeconds" },
        { """{"image": "busybox", "timeoutSeconds": 86401}""", "timeoutSeconds" },
        { """{"image": "busybox", "cpus": 0}""", "cpus" },
        { """{"image": "busybox", "cpus": -1.5}""", "cpus" },
        { """{"image": "busybox", "cpus": 64.5}""", "cpus" },
        { """{"image": "busybox", "memoryMb": 3}""", "memoryMb" },
        { """{"image": "busybox", "memoryMb": 1048577}""", "memoryMb" },
        { """{"image": "busybox", "retries": -1}""", "retries" },
        { """{"image": "busybox", "retries": 11}""", "retries" },
        { """{"image": "busybox", "labels": {"": "x"}}""", "labels" },
        { """{"image": "busybox", "labels": {"bad key": "x"}}""", "labels" },
        { "{\"image\": \"busybox\", \"labels\": {\"" + new string('k', 64) + "\": \"x\"}}", "labels" },
        { "{\"image\": \"busybox\", \"labels\": {\"k\": \"" + new string('v', 257) + "\"}}", "labels" },
        { """{"image": "busybox", "labels": {"k": null}}""", "labels" },
        { "{\"image\": \"busybox\", \"labels\": {" + string.Join(", ", Enumerable.Range(0, 33).Select(i => $"\"k{i}\": \"v\"")) + "}}", "labels" },
        { """{"image": "busybox", "timeoutSeconds": "ten"}""", "timeoutSeconds" },
        { """{"image": "busybox", "timeoutSeconds": 1.5}""", "timeoutSeconds" },
        { """{"image": "busybox", "command": "echo hi"}""", "command" },
        { """{"image": 42}""", "image" },
        { """{"image": "busybox", "timeout": 5}""", "timeout" },
        { """{"image": "busybox", "image": "alpine"}""", "image" },
        { """[1, 2]""", "body" },
        { """null""", "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Submit_InvalidBody_Answers400NamingTheField(string body, string field)
    {
        using var response = await _client.PostAsync(new Uri("/v1/jobs", UriKind.Relative), ProblemAssert.Json(body), TestContext.Current.CancellationToken);

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Fact]
    public async Task Submit_SeveralWrongFields_NamesEachOfThem()
    {
        using var response = await _client.PostAsync(
            new Uri("/v1/jobs", UriKind.Relative),
            ProblemAssert.Json("""{"image": "busybox", "timeoutSeconds": 0, "retries": 99, "memoryMb": 1}"""),
            TestContext.Current.CancellationToken);

        var messages = await ProblemAssert.NamesFieldAsync(response, "timeoutSeconds");
        Assert.Contains("86400", messages[0], StringComparison.Ordinal);
        await ProblemAssert.NamesFieldAsync(response, "retries");
        await ProblemAssert.NamesFieldAsync(response, "memoryMb");
    }

    [Fact]
    public async Task Submit_MalformedJson_SaysWhere()
    {
        using var response = await _client.PostAsync(
            new Uri("/v1/jobs", UriKind.Relative),
            ProblemAssert.Json("{\"image\": \"busybox\",\n \"command\": [\"echo\" \"hi\"]}"),
            TestContext.Current.CancellationToken);

        var messages = await ProblemAssert.NamesFieldAsync(response, "command[1]");
        Assert.Contains("line 2", messages[0], StringComparison.Ordinal);
        Assert.Contains("byte 21", messages[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain")]
    public async Task Submit_JsonUnderAnotherContentType_IsStillParsedAsJson(string contentType)
    {
        using var content = new StringContent("""{"image": "Bad Image"}""", System.Text.Encoding.UTF8, contentType);

        using var response = await _client.PostAsync(new Uri("/v1/jobs", UriKind.Relative), content, TestContext.Current.CancellationToken);

        await ProblemAssert.NamesFieldAsync(response, "image");
    }

    [Fact]
    public async Task Submit_TruncatedJson_Answers400()
    {
        using var response = await _client.PostAsync(new Uri("/v1/jobs", UriKind.Relative), ProblemAssert.Json("{\"image\": \"busybox\","), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any());
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("301")]
    [InlineData("soon")]
    public async Task Submit_WaitOutOfRange_Answers400NamingWait(string wait)
    {
        using var response = await _client.PostAsync(
            new Uri("/v1/jobs?wait=" + wait, UriKind.Relative), ProblemAssert.Json("""{"image": "busybox"}"""), TestContext.Current.CancellationToken);

        await ProblemAssert.NamesFieldAsync(response, "wait");
    }

    [Fact]
    public async Task Submit_UnknownQueryParameter_Answers400NamingIt()
    {
        using var response = await _client.PostAsync(
            new Uri("/v1/jobs?wiat=5", UriKind.Relative), ProblemAssert.Json("""{"image": "busybox"}"""), TestContext.Current.CancellationToken);

        await ProblemAssert.NamesFieldAsync(response, "wiat");
    }

    [Theory]
    [InlineData("Idempotency-Key", "has space")]
    [InlineData("X-Submitter", " leading")]
    public async Task Submit_InvalidHeader_Answers400NamingTheHeader(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/jobs", UriKind.Relative)) { Content = ProblemAssert.Json("""{"image": "busybox"}""") };
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        await ProblemAssert.NamesFieldAsync(response, header);
    }

    [Fact]
    public async Task Submit_TooLongHeaders_Answer400NamingEach()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/jobs", UriKind.Relative)) { Content = ProblemAssert.Json("""{"image": "busybox"}""") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 256));
        request.Headers.TryAddWithoutValidation("X-Submitter", new string('s', 129));

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        await ProblemAssert.NamesFieldAsync(response, "Idempotency-Key");
        await ProblemAssert.NamesFieldAsync(response, "X-Submitter");
    }

    [Fact]
    public async Task Submit_BodyOverTheLimit_Answers413Problem()
    {
        var json = "{\"image\": \"busybox\", \"input\": \"" + new string('x', JobsApiFactory.MaxBodyBytes) + "\"}";

        using var response = await _client.PostAsync(new Uri("/v1/jobs", UriKind.Relative), ProblemAssert.Json(json), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains(JobsApiFactory.MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ChunkedBodyOverTheLimit_Answers413Problem()
    {
        // No Content-Length: the limit must be enforced while reading.
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("{\"input\": \"" + new string('x', JobsApiFactory.MaxBodyBytes + 10) + "\"}"));
        using var content = new StreamContent(new NonSeekableStream(stream));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await _client.PostAsync(new Uri("/v1/jobs", UriKind.Relative), content, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}
