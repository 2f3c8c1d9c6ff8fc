using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Actors.Grains.Jobs.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Silo.Tests.Jobs;

/// <summary>
/// The API over the real Task and scheduler grains and job store of the embedded silo. Jobs run <c>sleep 30</c> in
/// <c>actors/busybox</c> (built by scripts/docker.sh), so they are still queued (no Docker engine) or running (an
/// engine with the image) while the tests look at them.
/// </summary>
public sealed class JobFlowTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    private const string SleepJob = """{"image": "actors/busybox", "command": ["sleep", "30"], "timeoutSeconds": 60}""";
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/v1/jobs/j-does-not-exist")]
    [InlineData("GET", "/v1/jobs/j-does-not-exist/output")]
    [InlineData("GET", "/v1/jobs/j-does-not-exist/events")]
    [InlineData("DELETE", "/v1/jobs/j-does-not-exist")]
    public async Task UnknownJob_Answers404Problem(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));

        using var response = await _client.SendAsync(request, Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("j-does-not-exist", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_Accepted_Answers202WithLocationAndTheJobWithoutItsInput()
    {
        using var response = await _client.PostAsync(
            new Uri("/v1/jobs", UriKind.Relative),
            ProblemAssert.Json("""{"image": "actors/busybox", "command": ["sleep", "30"], "input": "secret", "labels": {"suite": "flow"}}"""),
            Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await ProblemAssert.ReadJsonAsync(response);
        var id = job.GetProperty("id").GetString()!;
        Assert.Matches("^j-[0-9a-f]{32}$", id);
        Assert.Equal("/v1/jobs/" + id, response.Headers.Location?.OriginalString);
        Assert.Equal(6, job.GetProperty("spec").GetProperty("inputLength").GetInt64());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("spec").GetProperty("inlineInput").ValueKind);
        Assert.Equal("flow", job.GetProperty("spec").GetProperty("labels").GetProperty("suite").GetString());
        Assert.Equal("anonymous", job.GetProperty("spec").GetProperty("submitter").GetString());
        Assert.IsType<string>(job.GetProperty("status").GetString());

        var again = await _client.GetFromJsonAsync<JsonElement>(response.Headers.Location, Token);
        Assert.Equal(id, again.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, again.GetProperty("spec").GetProperty("inlineInput").ValueKind);
        await CancelQuietlyAsync(id);
    }

    [Fact]
    public async Task Submit_SameIdempotencyKey_ReplaysTheSameJob()
    {
        var key = "key-" + Guid.NewGuid().ToString("N");
        var expectedId = "j-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("flow-tester\n" + key)))[..32].ToLowerInvariant();

        using var first = await SubmitAsync(SleepJob, key, "flow-tester");
        using var second = await SubmitAsync(SleepJob, key, "flow-tester");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(expectedId, (await ProblemAssert.ReadJsonAsync(first)).GetProperty("id").GetString());
        Assert.Equal(expectedId, (await ProblemAssert.ReadJsonAsync(second)).GetProperty("id").GetString());
        await CancelQuietlyAsync(expectedId);
    }

    [Fact]
    public async Task Submit_SameKeyForADifferentJob_Answers409NamingTheKey()
    {
        var key = "key-" + Guid.NewGuid().ToString("N");
        using var first = await SubmitAsync(SleepJob, key);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        using var second = await SubmitAsync("""{"image": "actors/busybox", "command": ["sleep", "31"]}""", key);

        await ProblemAssert.NamesFieldAsync(second, "Idempotency-Key", HttpStatusCode.Conflict);
        await CancelQuietlyAsync((await ProblemAssert.ReadJsonAsync(first)).GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task Submit_WaitOnAJobThatDoesNotFinish_Answers202AfterTheWait()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();

        using var response = await _client.PostAsync(new Uri("/v1/jobs?wait=1", UriKind.Relative), ProblemAssert.Json(SleepJob), Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(0.9), $"Answered after {started.Elapsed}, before the wait.");
        await CancelQuietlyAsync((await ProblemAssert.ReadJsonAsync(response)).GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task Cancel_LiveJob_Answers200ThenConflictNamingTheStatus()
    {
        var id = await SubmitSleepAsync();

        using var output = await _client.GetAsync(new Uri($"/v1/jobs/{id}/output", UriKind.Relative), Token);
        await ProblemAssert.IsProblemAsync(output, HttpStatusCode.Conflict);

        using var cancelled = await _client.DeleteAsync(new Uri("/v1/jobs/" + id, UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", (await ProblemAssert.ReadJsonAsync(cancelled)).GetProperty("status").GetString());

        using var again = await _client.DeleteAsync(new Uri("/v1/jobs/" + id, UriKind.Relative), Token);
        var problem = await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Contains("Cancelled", problem.GetProperty("title").GetString(), StringComparison.Ordinal);

        using var noOutput = await _client.GetAsync(new Uri($"/v1/jobs/{id}/output", UriKind.Relative), Token);
        await ProblemAssert.IsProblemAsync(noOutput, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Events_StreamEveryVersionUntilTheJobIsFinal()
    {
        var id = await SubmitSleepAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/v1/jobs/{id}/events", UriKind.Relative));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var first = await ReadEventAsync(reader, timeout.Token);
        Assert.NotNull(first);
        Assert.Equal("status", first.Value.Event);
        Assert.Equal(id, first.Value.Job.GetProperty("id").GetString());
        Assert.Equal(first.Value.Job.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), first.Value.Id);

        using var cancel = await _client.DeleteAsync(new Uri("/v1/jobs/" + id, UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);

        var events = new List<(string Event, string Id, JsonElement Job)>();
        while (await ReadEventAsync(reader, timeout.Token) is { } next)
        {
            events.Add(next);
        }

        Assert.NotEmpty(events);
        Assert.Equal("Cancelled", events[^1].Job.GetProperty("status").GetString());
        var versions = new[] { first.Value }.Concat(events).Select(e => long.Parse(e.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Distinct().Count(), versions.Count);
    }

    [Fact]
    public async Task Events_WithLastEventIdOfTheFinalVersion_EndsWithoutEvents()
    {
        var id = await SubmitSleepAsync();
        using var cancel = await _client.DeleteAsync(new Uri("/v1/jobs/" + id, UriKind.Relative), Token);
        var version = (await ProblemAssert.ReadJsonAsync(cancel)).GetProperty("version").GetInt64();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/v1/jobs/{id}/events", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Last-Event-ID", version.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var response = await _client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, (await response.Content.ReadAsStringAsync(Token)).Trim());
    }

    [Fact]
    public async Task List_FiltersByLabelAndStatus()
    {
        var run = Guid.NewGuid().ToString("N");
        var job = $$$"""{"image": "actors/busybox", "command": ["sleep", "30"], "labels": {"run": "{{{run}}}"}}""";
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await _client.PostAsync(new Uri("/v1/jobs", UriKind.Relative), ProblemAssert.Json(job), Token);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((await ProblemAssert.ReadJsonAsync(response)).GetProperty("id").GetString()!);
        }

        using var cancel = await _client.DeleteAsync(new Uri("/v1/jobs/" + ids[0], UriKind.Relative), Token);

        var firstPage = await _client.GetFromJsonAsync<JsonElement>(new Uri($"/v1/jobs?label=run={run}&limit=2", UriKind.Relative), Token);
        var pageIds = firstPage.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("id").GetString()).ToList();
        Assert.Equal(2, pageIds.Count);
        var cursor = firstPage.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);
        var secondPage = await _client.GetFromJsonAsync<JsonElement>(new Uri($"/v1/jobs?label=run={run}&limit=2&cursor={Uri.EscapeDataString(cursor)}", UriKind.Relative), Token);
        pageIds.AddRange(secondPage.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("id").GetString()));
        Assert.Equal(ids.OrderDescending(), pageIds);

        var cancelled = await _client.GetFromJsonAsync<JsonElement>(new Uri($"/v1/jobs?label=run&status=cancelled", UriKind.Relative), Token);
        Assert.Contains(ids[0], cancelled.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("id").GetString()));
        Assert.All(cancelled.GetProperty("jobs").EnumerateArray(), j => Assert.Equal("Cancelled", j.GetProperty("status").GetString()));
        await CancelQuietlyAsync(ids[1]);
        await CancelQuietlyAsync(ids[2]);
    }

    [Fact]
    public async Task List_ForeignCursor_Answers400NamingCursor()
    {
        using var response = await _client.GetAsync(new Uri("/v1/jobs?cursor=not-a-cursor", UriKind.Relative), Token);

        await ProblemAssert.NamesFieldAsync(response, "cursor");
    }

    [Fact]
    public async Task Submit_LargeInput_IsStoredBeforeSubmissionAndNotInline()
    {
        var input = RandomNumberGenerator.GetBytes(100 * 1024);
        var body = $$"""{"image": "actors/busybox", "command": ["sleep", "30"], "inputBase64": "{{Convert.ToBase64String(input)}}"}""";

        using var response = await _client.PostAsync(new Uri("/v1/jobs", UriKind.Relative), ProblemAssert.Json(body), Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await ProblemAssert.ReadJsonAsync(response);
        var id = job.GetProperty("id").GetString()!;
        Assert.Equal(input.Length, job.GetProperty("spec").GetProperty("inputLength").GetInt64());
        var stored = await factory.Services.GetRequiredService<IJobStore>().GetInputAsync(id, Token);
        Assert.Equal(input, stored);
        await CancelQuietlyAsync(id);
    }

    [Fact]
    public async Task Nodes_AnswersTheSchedulersList()
    {
        var nodes = await _client.GetFromJsonAsync<JsonElement>(new Uri("/v1/nodes", UriKind.Relative), Token);

        Assert.Equal(JsonValueKind.Array, nodes.GetProperty("nodes").ValueKind);
    }

    [Fact]
    public async Task Run_JobNotFinalInTime_Answers202WithLocationOrTheTimeout()
    {
        using var content = new ByteArrayContent("stdin"u8.ToArray());

        using var response = await _client.PostAsync(new Uri("/v1/run?image=actors%2Fbusybox&cmd=sleep&cmd=30&timeoutSeconds=1", UriKind.Relative), content, Token);

        var id = Assert.Single(response.Headers.GetValues("X-Job-Id"));
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            Assert.Equal("/v1/jobs/" + id, response.Headers.Location?.OriginalString);
            await CancelQuietlyAsync(id);
        }
        else
        {
            // An executor node ran it: the 1 s timeout killed it.
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
            Assert.Equal("TimedOut", problem.GetProperty("jobStatus").GetString());
        }
    }

    private async Task<HttpResponseMessage> SubmitAsync(string json, string key, string? submitter = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/jobs", UriKind.Relative)) { Content = ProblemAssert.Json(json) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        if (submitter is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Submitter", submitter);
        }

        return await _client.SendAsync(request, Token);
    }

    private async Task<string> SubmitSleepAsync()
    {
        using var response = await _client.PostAsync(new Uri("/v1/jobs", UriKind.Relative), ProblemAssert.Json(SleepJob), Token);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await ProblemAssert.ReadJsonAsync(response)).GetProperty("id").GetString()!;
    }

    private async Task CancelQuietlyAsync(string id)
    {
        using var response = await _client.DeleteAsync(new Uri("/v1/jobs/" + id, UriKind.Relative), Token);
    }

    private static async Task<(string Event, string Id, JsonElement Job)?> ReadEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? name = null, id = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    return (name ?? "message", id ?? string.Empty, JsonDocument.Parse(data.ToString()).RootElement.Clone());
                }

                continue;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line["id: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line["data: ".Length..]);
            }
        }

        return null;
    }
}
