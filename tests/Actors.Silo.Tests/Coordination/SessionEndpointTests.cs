using System.Net;
using Actors.Silo.Tests.Jobs;
using static Actors.Silo.Tests.Coordination.CoordinationClient;

namespace Actors.Silo.Tests.Coordination;

/// <summary><c>/v1/sessions</c> over the real session grain of the embedded silo.</summary>
[Collection(CoordinationApiCollection.Name)]
public sealed class SessionEndpointTests(CoordinationApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Create_Answers201WithLocationAndTheSession()
    {
        using var response = await _client.PostAsync(Url("/v1/sessions"), ProblemAssert.Json("""{"ttlSeconds": 30, "owner": "worker-1"}"""), Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = await ProblemAssert.ReadJsonAsync(response);
        var id = session.GetProperty("id").GetString()!;
        Assert.Matches("^s-[0-9a-f]{32}$", id);
        Assert.Equal("/v1/sessions/" + id, response.Headers.Location?.OriginalString);
        Assert.Equal(30, session.GetProperty("ttlSeconds").GetDouble());
        Assert.Equal("worker-1", session.GetProperty("owner").GetString());
        Assert.True(session.GetProperty("expiresAt").GetDateTimeOffset() > session.GetProperty("createdAt").GetDateTimeOffset());

        using var get = await _client.GetAsync(response.Headers.Location, Token);
        Assert.Equal(id, (await OkJsonAsync(get)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task KeepAliveThenClose_AnswersTheSessionThen204_ThenTheSessionIsGone()
    {
        var id = await CreateSessionAsync(_client);

        using var keepAlive = await SendAsync(_client, "PUT", $"/v1/sessions/{id}/keepalive");
        Assert.Equal(id, (await OkJsonAsync(keepAlive)).GetProperty("id").GetString());

        using var close = await SendAsync(_client, "DELETE", "/v1/sessions/" + id);
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);

        using var get = await SendAsync(_client, "GET", "/v1/sessions/" + id);
        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.NotFound);
        using var again = await SendAsync(_client, "DELETE", "/v1/sessions/" + id);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound);
        using var late = await SendAsync(_client, "PUT", $"/v1/sessions/{id}/keepalive");
        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("PUT", "/keepalive")]
    [InlineData("DELETE", "")]
    public async Task UnknownSession_Answers404Problem(string method, string suffix)
    {
        using var response = await SendAsync(_client, method, "/v1/sessions/s-" + Guid.NewGuid().ToString("N") + suffix);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("The session does not exist.", problem.GetProperty("title").GetString());
    }
}
