using System.Net;

namespace Actors.Silo.Tests.Jobs;

/// <summary><c>POST /v1/run</c> validates like <c>POST /v1/jobs</c>, naming its query parameters.</summary>
public sealed class RunJobValidationTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/v1/run", "image")]
    [InlineData("/v1/run?image=Not%20An%20Image", "image")]
    [InlineData("/v1/run?image=busybox&image=alpine", "image")]
    [InlineData("/v1/run?image=busybox&timeoutSeconds=0", "timeoutSeconds")]
    [InlineData("/v1/run?image=busybox&timeoutSeconds=86401", "timeoutSeconds")]
    [InlineData("/v1/run?image=busybox&timeoutSeconds=abc", "timeoutSeconds")]
    [InlineData("/v1/run?image=busybox&cmd=a%00b", "cmd[0]")]
    [InlineData("/v1/run?image=busybox&command=echo", "command")]
    public async Task Run_InvalidQuery_Answers400NamingTheParameter(string url, string field)
    {
        using var content = new ByteArrayContent("stdin"u8.ToArray());

        using var response = await _client.PostAsync(new Uri(url, UriKind.Relative), content, TestContext.Current.CancellationToken);

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json")]
    [InlineData("image/png")]
    public async Task Run_AnyContentType_IsStdin(string contentType)
    {
        using var content = new ByteArrayContent("stdin"u8.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        // Without an image the request stops at validation: a 400, not a 415 from routing.
        using var response = await _client.PostAsync(new Uri("/v1/run?timeoutSeconds=5", UriKind.Relative), content, TestContext.Current.CancellationToken);

        await ProblemAssert.NamesFieldAsync(response, "image");
    }

    [Fact]
    public async Task Run_BodyOverTheLimit_Answers413Problem()
    {
        using var content = new ByteArrayContent(new byte[JobsApiFactory.MaxBodyBytes + 1]);

        using var response = await _client.PostAsync(new Uri("/v1/run?image=busybox", UriKind.Relative), content, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Run_ChunkedBodyOverTheLimit_Answers413Problem()
    {
        using var stream = new MemoryStream(new byte[JobsApiFactory.MaxBodyBytes * 2]);
        using var content = new StreamContent(new NonSeekableStream(stream));

        using var response = await _client.PostAsync(new Uri("/v1/run?image=busybox", UriKind.Relative), content, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}
