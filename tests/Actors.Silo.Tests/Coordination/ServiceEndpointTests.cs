using System.Net;
using System.Text.Json;
using Actors.Silo.Tests.Jobs;
using static Actors.Silo.Tests.Coordination.CoordinationClient;

namespace Actors.Silo.Tests.Coordination;

/// <summary><c>/v1/services</c> over the real service grain of the embedded silo.</summary>
[Collection(CoordinationApiCollection.Name)]
public sealed class ServiceEndpointTests(CoordinationApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Register_201ThenReplace_200_ListedThenDeregistered()
    {
        var service = Unique("web");
        using var created = await Register(service, "i1", """{"address": "127.0.0.1", "port": 8080, "tags": ["blue"], "metadata": {"zone": "a"}}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/v1/services/{service}/instances/i1", created.Headers.Location?.OriginalString);

        using var replaced = await Register(service, "i1", """{"address": "127.0.0.1", "port": 8081}""");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        using var list = await SendAsync(_client, "GET", "/v1/services/" + service);
        var snapshot = await OkJsonAsync(list);
        Assert.Equal(service, snapshot.GetProperty("service").GetString());
        var instance = Assert.Single(snapshot.GetProperty("instances").EnumerateArray());
        Assert.Equal(8081, instance.GetProperty("registration").GetProperty("port").GetInt32());

        using var delete = await SendAsync(_client, "DELETE", $"/v1/services/{service}/instances/i1");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var again = await SendAsync(_client, "DELETE", $"/v1/services/{service}/instances/i1");
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TtlCheckedInstance_IsHiddenUntilPassed()
    {
        var service = Unique("api");
        using var created = await Register(service, "i1", """{"address": "127.0.0.1", "port": 9000, "check": {"ttlSeconds": 60}}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var all = await SendAsync(_client, "GET", $"/v1/services/{service}?healthy=false");
        Assert.Single((await OkJsonAsync(all)).GetProperty("instances").EnumerateArray());

        using var pass = await SendAsync(_client, "PUT", $"/v1/services/{service}/instances/i1/pass");
        Assert.Equal(HttpStatusCode.NoContent, pass.StatusCode);
        using var healthy = await SendAsync(_client, "GET", "/v1/services/" + service);
        var instance = Assert.Single((await OkJsonAsync(healthy)).GetProperty("instances").EnumerateArray());
        Assert.Equal("Passing", instance.GetProperty("status").GetString());

        using var unknown = await SendAsync(_client, "PUT", $"/v1/services/{service}/instances/nope/pass");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Register_UnknownSession_Answers404()
    {
        using var response = await Register(Unique("svc"), "i1", $$"""{"address": "127.0.0.1", "port": 1, "session": "s-{{Guid.NewGuid():N}}"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Watch_StreamsASnapshotPerChange()
    {
        var service = Unique("watched");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, Url($"/v1/services/{service}/watch"));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var initial = await events.NextAsync(timeout.Token);
        Assert.Equal("snapshot", initial?.Event);

        using var created = await Register(service, "i1", """{"address": "127.0.0.1", "port": 8080}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var next = await events.NextAsync(timeout.Token);
        Assert.Equal("snapshot", next?.Event);
        var instances = JsonDocument.Parse(next!.Value.Data).RootElement.GetProperty("instances");
        Assert.Equal("i1", Assert.Single(instances.EnumerateArray()).GetProperty("registration").GetProperty("instanceId").GetString());
    }

    private Task<HttpResponseMessage> Register(string service, string id, string json) =>
        SendAsync(_client, "PUT", $"/v1/services/{service}/instances/{id}", ProblemAssert.Json(json));
}
