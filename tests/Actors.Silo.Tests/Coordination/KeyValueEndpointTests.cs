using System.Net;
using System.Text;
using System.Text.Json;
using Actors.Silo.Tests.Jobs;
using static Actors.Silo.Tests.Coordination.CoordinationClient;

namespace Actors.Silo.Tests.Coordination;

/// <summary><c>/v1/kv</c> and <c>/v1/watch</c> over the real key/value grain of the embedded silo.</summary>
[Collection(CoordinationApiCollection.Name)]
public sealed class KeyValueEndpointTests(CoordinationApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PutGetDelete_RoundTrip()
    {
        var key = Unique("config") + "/db/url";
        using var put = await Put(key, "postgres://x");
        var written = await OkJsonAsync(put);
        var revision = written.GetProperty("revision").GetInt64();
        Assert.Equal(key, written.GetProperty("entry").GetProperty("key").GetString());
        Assert.Equal("postgres://x", written.GetProperty("entry").GetProperty("value").GetString());

        using var get = await SendAsync(_client, "GET", "/v1/kv/" + key);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("application/octet-stream", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal("postgres://x", await get.Content.ReadAsStringAsync(Token));
        Assert.Equal(revision.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(get.Headers.GetValues("X-Mod-Revision")));
        Assert.Equal("1", Assert.Single(get.Headers.GetValues("X-Version")));
        Assert.True(long.Parse(Assert.Single(get.Headers.GetValues("X-Revision")), System.Globalization.CultureInfo.InvariantCulture) >= revision);

        using var delete = await SendAsync(_client, "DELETE", "/v1/kv/" + key);
        Assert.True((await OkJsonAsync(delete)).GetProperty("revision").GetInt64() > revision);
        using var gone = await SendAsync(_client, "GET", "/v1/kv/" + key);
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound);
        using var deleteAgain = await SendAsync(_client, "DELETE", "/v1/kv/" + key);
        await ProblemAssert.IsProblemAsync(deleteAgain, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CompareAndSet_WrongRevision_Answers409WithTheCurrentRevision()
    {
        var key = Unique("cas");
        using var create = await Put(key + "?expectedRevision=0", "a");
        var revision = (await OkJsonAsync(create)).GetProperty("revision").GetInt64();

        using var createAgain = await Put(key + "?expectedRevision=0", "b");
        var problem = await ProblemAssert.IsProblemAsync(createAgain, HttpStatusCode.Conflict);
        Assert.Equal(revision, problem.GetProperty("modRevision").GetInt64());

        using var stale = await Put($"{key}?expectedRevision={revision + 1000}", "b");
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Conflict);
        using var staleDelete = await SendAsync(_client, "DELETE", $"/v1/kv/{key}?expectedRevision={revision + 1000}");
        await ProblemAssert.IsProblemAsync(staleDelete, HttpStatusCode.Conflict);

        using var swap = await Put($"{key}?expectedRevision={revision}", "b");
        Assert.Equal(2, (await OkJsonAsync(swap)).GetProperty("entry").GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task PrefixRead_PagesInKeyOrder_WithBinaryValuesAsBase64Only()
    {
        var prefix = Unique("range") + "/";
        using (await Put(prefix + "b", "2"))
        using (await SendAsync(_client, "PUT", "/v1/kv/" + prefix + "a", new ByteArrayContent([0xff, 0xfe])))
        using (await Put(prefix + "c", "3"))
        {
        }

        using var page = await SendAsync(_client, "GET", $"/v1/kv/{prefix}?prefix=true&limit=2");
        var body = await OkJsonAsync(page);
        var entries = body.GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal([prefix + "a", prefix + "b"], entries.Select(e => e.GetProperty("key").GetString()!));
        Assert.Equal(JsonValueKind.Null, entries[0].GetProperty("value").ValueKind);
        Assert.Equal(Convert.ToBase64String([0xff, 0xfe]), entries[0].GetProperty("valueBase64").GetString());
        Assert.Equal("2", entries[1].GetProperty("value").GetString());
        Assert.True(body.GetProperty("more").GetBoolean());

        using var next = await SendAsync(_client, "GET", $"/v1/kv/{prefix}?prefix=true&limit=2&after={Uri.EscapeDataString(prefix + "b")}");
        var rest = await OkJsonAsync(next);
        Assert.Equal(prefix + "c", Assert.Single(rest.GetProperty("entries").EnumerateArray()).GetProperty("key").GetString());
        Assert.False(rest.GetProperty("more").GetBoolean());
    }

    [Fact]
    public async Task Put_ValueOver1MiB_Answers413()
    {
        using var response = await SendAsync(_client, "PUT", "/v1/kv/" + Unique("big"), new ByteArrayContent(new byte[(1024 * 1024) + 1]));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Put_UnknownSession_Answers404_AndAnEphemeralKeyVanishesWithItsSession()
    {
        using var unknown = await Put(Unique("eph") + "?session=s-" + Guid.NewGuid().ToString("N"), "x");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);

        var session = await CreateSessionAsync(_client);
        var key = Unique("eph");
        using var put = await Put($"{key}?session={session}", "x");
        Assert.Equal(session, (await OkJsonAsync(put)).GetProperty("entry").GetProperty("session").GetString());
        using var close = await SendAsync(_client, "DELETE", "/v1/sessions/" + session);
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);

        using var gone = await SendAsync(_client, "GET", "/v1/kv/" + key);
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Watch_ReceivesAPutMadeAfterItStarted_AndResumesFromLastEventId()
    {
        var prefix = Unique("watch") + "/";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/v1/watch?prefix=" + Uri.EscapeDataString(prefix)));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        using var first = await Put(prefix + "a", "one");
        var revision = (await OkJsonAsync(first)).GetProperty("revision").GetInt64();
        using var second = await SendAsync(_client, "DELETE", "/v1/kv/" + prefix + "a");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        var put = await events.NextAsync(timeout.Token);
        Assert.NotNull(put);
        Assert.Equal("put", put.Value.Event);
        Assert.Equal(revision.ToString(System.Globalization.CultureInfo.InvariantCulture), put.Value.Id);
        var data = JsonDocument.Parse(put.Value.Data).RootElement;
        Assert.Equal(prefix + "a", data.GetProperty("key").GetString());
        Assert.Equal("put", data.GetProperty("type").GetString());
        Assert.Equal("one", data.GetProperty("entry").GetProperty("value").GetString());
        var delete = await events.NextAsync(timeout.Token);
        Assert.Equal("delete", delete?.Event);

        // A reconnect with Last-Event-ID = the put's revision gets the delete again and nothing before it.
        using var resume = new HttpRequestMessage(HttpMethod.Get, Url("/v1/watch?prefix=" + Uri.EscapeDataString(prefix)));
        resume.Headers.Add("Last-Event-ID", put.Value.Id);
        using var resumed = await _client.SendAsync(resume, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var resumedEvents = new SseReader(await resumed.Content.ReadAsStreamAsync(timeout.Token));
        var again = await resumedEvents.NextAsync(timeout.Token);
        Assert.Equal("delete", again?.Event);
        Assert.Equal(delete?.Id, again?.Id);
    }

    [Fact]
    public async Task Watch_FromACompactedRevision_Answers410BeforeStreaming()
    {
        var prefix = Unique("compact") + "/";
        long first = 0;
        for (var i = 0; i < CoordinationApiFactory.HistoryRetention + 4; i++)
        {
            using var put = await Put(prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "v");
            var revision = (await OkJsonAsync(put)).GetProperty("revision").GetInt64();
            first = first == 0 ? revision : first;
        }

        using var response = await SendAsync(_client, "GET", $"/v1/watch?prefix={Uri.EscapeDataString(prefix)}&fromRevision={first}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Gone);
        Assert.True(problem.GetProperty("compactedRevision").GetInt64() >= first);
    }

    private async Task<HttpResponseMessage> Put(string keyAndQuery, string value) =>
        await SendAsync(_client, "PUT", "/v1/kv/" + keyAndQuery, new ByteArrayContent(Encoding.UTF8.GetBytes(value)));
}
