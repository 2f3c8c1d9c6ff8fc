using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Actors.Silo.Tests.Jobs;
using static Actors.Silo.Tests.Coordination.CoordinationClient;

namespace Actors.Silo.Tests.Coordination;

/// <summary><c>/v1/elections</c> over the real election grain of the embedded silo.</summary>
[Collection(CoordinationApiCollection.Name)]
public sealed class ElectionEndpointTests(CoordinationApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Campaign_ElectsTheFirst_RefusesTheSecond_ProclaimAndResignWork()
    {
        var name = Unique("election");
        var a = await CreateSessionAsync(_client);
        var b = await CreateSessionAsync(_client);

        using var first = await Campaign(name, a, "10.0.0.1");
        var leader = await OkJsonAsync(first);
        var term = leader.GetProperty("term").GetInt64();
        Assert.Equal(a, leader.GetProperty("sessionId").GetString());
        Assert.Equal("10.0.0.1", leader.GetProperty("value").GetString());

        using var second = await Campaign(name, b, "10.0.0.2");
        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict);

        using var proclaim = await Post($"/v1/elections/{name}/proclaim", $$"""{"session": "{{a}}", "term": {{term}}, "value": "10.0.0.9"}""");
        Assert.Equal("10.0.0.9", (await OkJsonAsync(proclaim)).GetProperty("leader").GetProperty("value").GetString());
        using var wrongTerm = await Post($"/v1/elections/{name}/proclaim", $$"""{"session": "{{a}}", "term": {{term + 1}}, "value": "x"}""");
        await ProblemAssert.IsProblemAsync(wrongTerm, HttpStatusCode.Conflict);
        using var notLeader = await Post($"/v1/elections/{name}/resign", $$"""{"session": "{{b}}", "term": {{term}}}""");
        await ProblemAssert.IsProblemAsync(notLeader, HttpStatusCode.Conflict);

        using var resign = await Post($"/v1/elections/{name}/resign", $$"""{"session": "{{a}}", "term": {{term}}}""");
        Assert.Equal(HttpStatusCode.NoContent, resign.StatusCode);
        using var state = await SendAsync(_client, "GET", "/v1/elections/" + name);
        Assert.Equal(JsonValueKind.Null, (await OkJsonAsync(state)).GetProperty("leader").ValueKind);

        using var next = await Campaign(name, b, "10.0.0.2");
        Assert.True((await OkJsonAsync(next)).GetProperty("term").GetInt64() > term);
    }

    [Fact]
    public async Task Campaign_UnknownSession_Answers404()
    {
        using var response = await Campaign(Unique("election"), "s-" + Guid.NewGuid().ToString("N"), "v");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Observe_StreamsTheCurrentStateThenANewLeader()
    {
        var name = Unique("election");
        var a = await CreateSessionAsync(_client);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, Url($"/v1/elections/{name}/observe"));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var initial = await events.NextAsync(timeout.Token);
        Assert.NotNull(initial);
        Assert.Equal("leader", initial.Value.Event);

        using var campaign = await Campaign(name, a, "me");
        Assert.Equal(HttpStatusCode.OK, campaign.StatusCode);

        var elected = await events.NextAsync(timeout.Token);
        Assert.NotNull(elected);
        Assert.Equal("leader", elected.Value.Event);
        var data = JsonDocument.Parse(elected.Value.Data).RootElement;
        Assert.Equal(a, data.GetProperty("leader").GetProperty("sessionId").GetString());
        Assert.Equal(data.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), elected.Value.Id);
    }

    private Task<HttpResponseMessage> Campaign(string name, string session, string value) =>
        Post($"/v1/elections/{name}/campaign", $$"""{"session": "{{session}}", "value": "{{value}}", "waitSeconds": 0}""");

    private Task<HttpResponseMessage> Post(string path, string json)
    {
        var content = ProblemAssert.Json(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return _client.PostAsync(Url(path), content, Token);
    }
}
