namespace Actors.Silo.Tests.Jobs;

/// <summary>Bad ids and listing parameters answer 400 naming them, before any grain or store is asked.</summary>
public sealed class JobReadValidationTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    private static readonly string TooLongId = new('a', 101);
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string> BadIdRequests() => new()
    {
        { "GET", "/v1/jobs/bad.id" },
        { "GET", "/v1/jobs/" + TooLongId },
        { "GET", "/v1/jobs/bad%20id/output" },
        { "GET", "/v1/jobs/bad.id/events" },
        { "DELETE", "/v1/jobs/bad.id" },
        { "DELETE", "/v1/jobs/" + TooLongId },
    };

    [Theory]
    [MemberData(nameof(BadIdRequests))]
    public async Task JobRoute_BadId_Answers400NamingId(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        await ProblemAssert.NamesFieldAsync(response, "id");
    }

    [Theory]
    [InlineData("/v1/jobs?status=Bogus", "status")]
    [InlineData("/v1/jobs?status=1", "status")]
    [InlineData("/v1/jobs?status=Queued&status=Running", "status")]
    [InlineData("/v1/jobs?limit=0", "limit")]
    [InlineData("/v1/jobs?limit=1001", "limit")]
    [InlineData("/v1/jobs?limit=ten", "limit")]
    [InlineData("/v1/jobs?label=bad%20key", "label")]
    [InlineData("/v1/jobs?label==value", "label")]
    [InlineData("/v1/jobs?cursor=", "cursor")]
    [InlineData("/v1/jobs?page=2", "page")]
    public async Task List_BadParameter_Answers400NamingIt(string url, string field)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Fact]
    public async Task List_TooLongCursor_Answers400NamingCursor()
    {
        using var response = await _client.GetAsync(new Uri("/v1/jobs?cursor=" + new string('c', 2000), UriKind.Relative), TestContext.Current.CancellationToken);

        await ProblemAssert.NamesFieldAsync(response, "cursor");
    }

    [Fact]
    public async Task Events_BadLastEventId_Answers400NamingTheHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/jobs/j-anything/events", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Last-Event-ID", "yesterday");

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        await ProblemAssert.NamesFieldAsync(response, "Last-Event-ID");
    }
}
