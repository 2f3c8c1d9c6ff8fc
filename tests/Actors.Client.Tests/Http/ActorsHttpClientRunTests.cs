using System.Net;
using Actors.Client.Http;
using Actors.GrainInterfaces.Jobs;

namespace Actors.Client.Tests.Http;

public sealed class ActorsHttpClientRunTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_Succeeded_ReturnsTheOutputAndSendsStdinAndArguments()
    {
        var stub = new StubHandler(_ => StubHandler.Bytes(HttpStatusCode.OK, "HELLO"u8.ToArray(), ("X-Job-Id", "j-5"), ("X-Exit-Code", "0")));
        using var client = new ActorsHttpClient(stub.CreateClient());
        using var stdin = new MemoryStream("hello"u8.ToArray());

        var result = await client.RunAsync("actors/upper:1", stdin, ["tr", "a-z", "A Z&"], TimeSpan.FromSeconds(10), Token);

        Assert.True(result.Succeeded);
        Assert.True(result.IsFinal);
        Assert.Equal("j-5", result.JobId);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("HELLO"u8.ToArray(), result.Output.ToArray());
        Assert.Equal("/v1/run?image=actors%2Fupper%3A1&cmd=tr&cmd=a-z&cmd=A%20Z%26&timeoutSeconds=10", stub.Last.PathAndQuery);
        Assert.Equal("hello"u8.ToArray(), stub.Last.Body);
        Assert.Equal("application/octet-stream", stub.Last.ContentType);
    }

    [Fact]
    public async Task RunAsync_JobFailedByItself_ReturnsTheFailure()
    {
        var stub = new StubHandler(_ =>
        {
            var response = StubHandler.Problem(HttpStatusCode.UnprocessableEntity, """
                {"title":"The job failed.","status":422,"jobId":"j-6","jobStatus":"Failed","exitCode":3,"reason":"exited with code 3","stderrTail":"boom"}
                """);
            response.Headers.TryAddWithoutValidation("X-Job-Id", "j-6");
            return response;
        });
        using var client = new ActorsHttpClient(stub.CreateClient());

        var result = await client.RunAsync("busybox", null, ["false"], cancellationToken: Token);

        Assert.False(result.Succeeded);
        Assert.True(result.IsFinal);
        Assert.Equal("j-6", result.JobId);
        Assert.Equal(JobStatus.Failed, result.Status);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("exited with code 3", result.Reason);
        Assert.Equal("boom", result.StderrTail);
        Assert.True(result.Output.IsEmpty);
        Assert.Empty(stub.Last.Body);
    }

    [Fact]
    public async Task RunAsync_ImageMissing_Throws()
    {
        var stub = new StubHandler(_ => StubHandler.Problem(HttpStatusCode.UnprocessableEntity, """
            {"title":"The image is not available.","status":422,"errors":{"image":["image 'nope' is not present on any executor node"]}}
            """));
        using var client = new ActorsHttpClient(stub.CreateClient());

        var error = await Assert.ThrowsAsync<ActorsApiException>(() => client.RunAsync("nope", null, cancellationToken: Token));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.True(error.Errors.ContainsKey("image"));
    }

    [Fact]
    public async Task RunAsync_NotFinalInTime_ReturnsTheJobsStatus()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Accepted, Jobs.Json(Jobs.Snapshot("j-7", JobStatus.Running, 2))));
        using var client = new ActorsHttpClient(stub.CreateClient());

        var result = await client.RunAsync("busybox", null, cancellationToken: Token);

        Assert.False(result.IsFinal);
        Assert.Equal(JobStatus.Running, result.Status);
        Assert.Equal("j-7", result.JobId);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task RunAsync_OtherErrors_Throw(HttpStatusCode status)
    {
        var stub = new StubHandler(_ => StubHandler.Problem(status, $$"""{"title":"No.","status":{{(int)status}},"jobId":"j-8"}"""));
        using var client = new ActorsHttpClient(stub.CreateClient());

        var error = await Assert.ThrowsAsync<ActorsApiException>(() => client.RunAsync("busybox", null, cancellationToken: Token));

        Assert.Equal(status, error.StatusCode);
    }
}
