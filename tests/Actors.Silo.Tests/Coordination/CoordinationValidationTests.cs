using Actors.Silo.Tests.Jobs;
using static Actors.Silo.Tests.Coordination.CoordinationClient;

namespace Actors.Silo.Tests.Coordination;

/// <summary>Every user mistake on the coordination API is a 400 problem naming the field, parameter or header.</summary>
[Collection(CoordinationApiCollection.Name)]
public sealed class CoordinationValidationTests(CoordinationApiFactory factory)
{
    private const string Session = "s-0123456789abcdef0123456789abcdef";
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("""{"ttlSeconds": 0}""", "ttlSeconds")]
    [InlineData("""{"ttlSeconds": 3601}""", "ttlSeconds")]
    [InlineData("""{"owner": "me"}""", "ttlSeconds")]
    [InlineData("""{"ttlSeconds": "ten"}""", "ttlSeconds")]
    [InlineData("""{"ttlSeconds": 10, "ttl": 10}""", "ttl")]
    [InlineData("""[1]""", "body")]
    [InlineData("", "body")]
    public async Task CreateSession_BadBody_Answers400NamingTheField(string body, string field)
    {
        using var response = await _client.PostAsync(Url("/v1/sessions"), ProblemAssert.Json(body), Token);

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Theory]
    [InlineData("GET", "/v1/sessions/bad%21id", "id")]
    [InlineData("PUT", "/v1/sessions/bad%21id/keepalive", "id")]
    [InlineData("GET", "/v1/sessions/" + Session + "?verbose=1", "verbose")]
    [InlineData("POST", "/v1/locks/a", "session")]
    [InlineData("POST", "/v1/locks/a?session=" + Session + "&wait=301", "wait")]
    [InlineData("POST", "/v1/locks/a?session=" + Session + "&wait=soon", "wait")]
    [InlineData("POST", "/v1/locks/a?session=" + Session + "&mode=upgradable", "mode")]
    [InlineData("POST", "/v1/locks/a?session=" + Session + "&lockDelay=61", "lockDelay")]
    [InlineData("POST", "/v1/locks/a?session=" + Session + "&sesion=x", "sesion")]
    [InlineData("DELETE", "/v1/locks/a?session=" + Session, "token")]
    [InlineData("DELETE", "/v1/locks/a?session=" + Session + "&token=0", "token")]
    [InlineData("POST", "/v1/semaphores/a?session=" + Session, "permits")]
    [InlineData("POST", "/v1/semaphores/a?session=" + Session + "&permits=0", "permits")]
    [InlineData("PUT", "/v1/kv/", "key")]
    [InlineData("PUT", "/v1/kv/a?expectedRevision=-1", "expectedRevision")]
    [InlineData("PUT", "/v1/kv/a?session=bad%21id", "session")]
    [InlineData("GET", "/v1/kv/a?prefix=maybe", "prefix")]
    [InlineData("GET", "/v1/kv/a?prefix=true&limit=0", "limit")]
    [InlineData("GET", "/v1/kv/a?limit=5", "limit")]
    [InlineData("DELETE", "/v1/kv/a?expectedRevision=0", "expectedRevision")]
    [InlineData("GET", "/v1/watch", "key")]
    [InlineData("GET", "/v1/watch?key=a&prefix=a", "key")]
    [InlineData("GET", "/v1/watch?key=a&fromRevision=0", "fromRevision")]
    [InlineData("GET", "/v1/services/web?healthy=yes", "healthy")]
    [InlineData("GET", "/v1/elections/e/observe?x=1", "x")]
    public async Task BadRequest_Answers400NamingTheParameter(string method, string path, string field)
    {
        using var response = await SendAsync(_client, method, path);

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Fact]
    public async Task Watch_BadLastEventId_Answers400NamingTheHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/v1/watch?key=a"));
        request.Headers.Add("Last-Event-ID", "yesterday");

        using var response = await _client.SendAsync(request, Token);

        await ProblemAssert.NamesFieldAsync(response, "Last-Event-ID");
    }

    [Fact]
    public async Task KeyTooLong_Answers400NamingTheKey()
    {
        using var response = await SendAsync(_client, "PUT", "/v1/kv/" + new string('k', 1025), new ByteArrayContent([1]));

        await ProblemAssert.NamesFieldAsync(response, "key");
    }

    [Theory]
    [InlineData("/v1/elections/e/campaign", """{"value": "a"}""", "session")]
    [InlineData("/v1/elections/e/campaign", """{"session": "SESSION"}""", "value")]
    [InlineData("/v1/elections/e/campaign", """{"session": "SESSION", "value": "a", "waitSeconds": 301}""", "waitSeconds")]
    [InlineData("/v1/elections/e/campaign", """{"session": "SESSION", "value": "a", "wait": 1}""", "wait")]
    [InlineData("/v1/elections/e/resign", """{"session": "SESSION"}""", "term")]
    [InlineData("/v1/elections/e/proclaim", """{"session": "SESSION", "term": 0, "value": "a"}""", "term")]
    public async Task ElectionBody_Bad_Answers400NamingTheField(string path, string body, string field)
    {
        using var response = await _client.PostAsync(Url(path), ProblemAssert.Json(body.Replace("SESSION", Session, StringComparison.Ordinal)), Token);

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Theory]
    [InlineData("""{"port": 80}""", "address")]
    [InlineData("""{"address": "127.0.0.1"}""", "port")]
    [InlineData("""{"address": "127.0.0.1", "port": 70000}""", "port")]
    [InlineData("""{"address": "127.0.0.1", "port": 80, "check": {}}""", "check")]
    [InlineData("""{"address": "127.0.0.1", "port": 80, "check": {"ttlSeconds": 5, "http": "http://127.0.0.1:1/"}}""", "check")]
    [InlineData("""{"address": "127.0.0.1", "port": 80, "check": {"http": "http://192.0.2.1/health"}}""", "check.http")]
    [InlineData("""{"address": "127.0.0.1", "port": 80, "check": {"ttlSeconds": 0}}""", "check.ttlSeconds")]
    [InlineData("""{"address": "127.0.0.1", "port": 80, "check": {"ttlSeconds": 5, "intervalSeconds": 5}}""", "check.intervalSeconds")]
    [InlineData("""{"address": "127.0.0.1", "port": 80, "session": "bad!"}""", "session")]
    [InlineData("""{"address": "127.0.0.1", "port": 80, "tags": "a"}""", "tags")]
    public async Task RegisterInstance_BadBody_Answers400NamingTheField(string body, string field)
    {
        using var response = await SendAsync(_client, "PUT", "/v1/services/web/instances/i1", ProblemAssert.Json(body));

        await ProblemAssert.NamesFieldAsync(response, field);
    }
}
