using System.Net;
using Actors.Silo.Tests.Jobs;
using Actors.TestKit;
using static Actors.Silo.Tests.Coordination.CoordinationClient;

namespace Actors.Silo.Tests.Coordination;

/// <summary><c>/v1/locks</c> and <c>/v1/semaphores</c> over the real grains of the embedded silo.</summary>
[Collection(CoordinationApiCollection.Name)]
public sealed class LockEndpointTests(CoordinationApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Lock_RoundTrip_GrantsExcludesReleasesAndGrantsAHigherToken()
    {
        var name = Unique("lock");
        var a = await CreateSessionAsync(_client);
        var b = await CreateSessionAsync(_client);

        using var first = await SendAsync(_client, "POST", $"/v1/locks/{name}?session={a}&owner=alice");
        var grant = await OkJsonAsync(first);
        var token = grant.GetProperty("token").GetInt64();
        Assert.Equal(name, grant.GetProperty("name").GetString());
        Assert.Equal(a, grant.GetProperty("session").GetString());
        Assert.Equal("exclusive", grant.GetProperty("mode").GetString());

        using var held = await SendAsync(_client, "POST", $"/v1/locks/{name}?session={b}&wait=0");
        var problem = await ProblemAssert.IsProblemAsync(held, HttpStatusCode.Conflict);
        Assert.Equal("The lock is held.", problem.GetProperty("title").GetString());

        using var info = await SendAsync(_client, "GET", "/v1/locks/" + name);
        var state = await OkJsonAsync(info);
        var holder = Assert.Single(state.GetProperty("holders").EnumerateArray());
        Assert.Equal(a, holder.GetProperty("sessionId").GetString());
        Assert.Equal(token, state.GetProperty("lastToken").GetInt64());

        using var release = await SendAsync(_client, "DELETE", $"/v1/locks/{name}?session={a}&token={token}");
        Assert.Equal(HttpStatusCode.NoContent, release.StatusCode);
        using var again = await SendAsync(_client, "DELETE", $"/v1/locks/{name}?session={a}&token={token}");
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);

        using var second = await SendAsync(_client, "POST", $"/v1/locks/{name}?session={b}&wait=5");
        Assert.True((await OkJsonAsync(second)).GetProperty("token").GetInt64() > token);
    }

    [Fact]
    public async Task Lock_WaitingAcquire_IsGrantedWhenTheHolderReleases()
    {
        var name = Unique("lock");
        var a = await CreateSessionAsync(_client);
        var b = await CreateSessionAsync(_client);
        using var first = await SendAsync(_client, "POST", $"/v1/locks/{name}?session={a}");
        var token = (await OkJsonAsync(first)).GetProperty("token").GetInt64();

        var waiting = SendAsync(_client, "POST", $"/v1/locks/{name}?session={b}&wait=60");
        await Poll.UntilAsync(
            async () =>
            {
                using var info = await SendAsync(_client, "GET", "/v1/locks/" + name);
                return (await OkJsonAsync(info)).GetProperty("waiters").GetArrayLength() == 1;
            },
            TimeSpan.FromSeconds(10),
            "the second acquire to wait",
            Token);
        using var release = await SendAsync(_client, "DELETE", $"/v1/locks/{name}?session={a}&token={token}");
        Assert.Equal(HttpStatusCode.NoContent, release.StatusCode);

        using var granted = await waiting;
        Assert.Equal(b, (await OkJsonAsync(granted)).GetProperty("session").GetString());
    }

    [Fact]
    public async Task Lock_UnknownSession_Answers404()
    {
        using var response = await SendAsync(_client, "POST", $"/v1/locks/{Unique("lock")}?session=s-{Guid.NewGuid():N}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Semaphore_GrantsItsPermitsThenAnswers409()
    {
        var name = Unique("sem");
        var a = await CreateSessionAsync(_client);
        var b = await CreateSessionAsync(_client);
        var c = await CreateSessionAsync(_client);

        using var first = await SendAsync(_client, "POST", $"/v1/semaphores/{name}?session={a}&permits=2");
        using var second = await SendAsync(_client, "POST", $"/v1/semaphores/{name}?session={b}&permits=2");
        using var third = await SendAsync(_client, "POST", $"/v1/semaphores/{name}?session={c}&permits=2");

        var t1 = (await OkJsonAsync(first)).GetProperty("token").GetInt64();
        var t2 = (await OkJsonAsync(second)).GetProperty("token").GetInt64();
        Assert.True(t2 > t1);
        await ProblemAssert.IsProblemAsync(third, HttpStatusCode.Conflict);
        using var info = await SendAsync(_client, "GET", "/v1/semaphores/" + name);
        var state = await OkJsonAsync(info);
        Assert.Equal(2, state.GetProperty("permits").GetInt32());
        Assert.Equal(2, state.GetProperty("holders").GetArrayLength());

        using var release = await SendAsync(_client, "DELETE", $"/v1/semaphores/{name}?session={a}&token={t1}");
        Assert.Equal(HttpStatusCode.NoContent, release.StatusCode);
        using var retry = await SendAsync(_client, "POST", $"/v1/semaphores/{name}?session={c}&permits=2");
        Assert.True((await OkJsonAsync(retry)).GetProperty("token").GetInt64() > t2);
    }
}
