using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Actors.TestKit.Postgres;

namespace Actors.Jobs.Tests;

/// <summary>One silo process on PostgreSQL running jobs in real containers: results, limits and hardening.</summary>
public sealed class JobRoundTripTests(PostgresDatabase database) : IAsyncLifetime
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(90);
    private JobsCluster _cluster = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private JobsApi Api => _cluster.Silos[0].Api;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await database.CreateDatabaseAsync(migrate: false, Cancel);
        _cluster = await JobsCluster.StartAsync(connectionString, 1, Cancel);
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Run_Synchronous_StdinToStdout()
    {
        using var response = await Api.RunAsync("actors/upper", Encoding.UTF8.GetBytes("hello, cluster"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("HELLO, CLUSTER", await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("0", response.Headers.GetValues("X-Exit-Code").Single());
        Assert.StartsWith("j-", response.Headers.GetValues("X-Job-Id").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FiveMebibytesOfRandomBytes_ComeBackExact()
    {
        var input = RandomNumberGenerator.GetBytes(5 * 1024 * 1024);

        using var response = await Api.RunAsync("actors/cat", input);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var output = await response.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal(input.Length, output.Length);
        Assert.True(input.AsSpan().SequenceEqual(output), "the output differs from the input");
    }

    [Fact]
    public async Task Run_NonZeroExit_Is422_WithTheStderrTail()
    {
        using var response = await Api.RunAsync("actors/exit", Encoding.UTF8.GetBytes("x"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();
        Assert.Equal(3, problem["exitCode"]!.GetValue<int>());
        Assert.Contains("failing", problem["stderrTail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Async_SubmitStatusOutput_RoundTrip()
    {
        var submitted = await Api.SubmitAsync(new JsonObject { ["image"] = "actors/upper", ["input"] = "async job", ["labels"] = new JsonObject { ["suite"] = "e2e" } });

        Assert.Equal(HttpStatusCode.Accepted, submitted.Status);
        Assert.Equal("/v1/jobs/" + submitted.JobId, submitted.Headers.Location!.OriginalString);
        var job = await Api.WaitFinalAsync(submitted.JobId, JobTimeout, Cancel);
        Assert.Equal("succeeded", JobsApi.Status(job), ignoreCase: true);
        Assert.Equal(0, job["exitCode"]!.GetValue<int>());
        Assert.Equal(_cluster.Silos[0].NodeName, job["node"]!.GetValue<string>());
        var output = await Api.Http.GetStringAsync($"/v1/jobs/{submitted.JobId}/output", Cancel);
        Assert.Equal("ASYNC JOB", output);
        var listed = await Api.GetAsync("/v1/jobs?label=suite=e2e");
        Assert.Contains(listed.Body["jobs"]!.AsArray(), j => j!["id"]!.GetValue<string>() == submitted.JobId);
    }

    [Fact]
    public async Task Timeout_KillsTheContainer()
    {
        var submitted = await Api.SubmitAsync(new JsonObject { ["image"] = "actors/sleep", ["command"] = new JsonArray("600"), ["timeoutSeconds"] = 2 });

        var job = await Api.WaitFinalAsync(submitted.JobId, JobTimeout, Cancel);

        Assert.Equal("timedout", JobsApi.Status(job), ignoreCase: true);
        var attempt = job["attempts"]!.AsArray().Single()!;
        var ran = attempt["finishedAt"]!.GetValue<DateTimeOffset>() - attempt["startedAt"]!.GetValue<DateTimeOffset>();
        Assert.True(ran < TimeSpan.FromSeconds(30), $"the container ran {ran} past a 2 s timeout");
        await TestKit.Poll.UntilAsync(async () => (await DockerEngine.ContainersAsync("io.actors.job=" + submitted.JobId)).Count == 0, TimeSpan.FromSeconds(30), "the container to be removed", Cancel);
    }

    [Fact]
    public async Task MemoryLimit_FailsWithAnOutOfMemoryReason()
    {
        var submitted = await Api.SubmitAsync(new JsonObject { ["image"] = "actors/memhog", ["memoryMb"] = 32 });

        var job = await Api.WaitFinalAsync(submitted.JobId, JobTimeout, Cancel);

        Assert.Equal("failed", JobsApi.Status(job), ignoreCase: true);
        Assert.Contains("out of memory", job["reason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Single(job["attempts"]!.AsArray());
    }

    [Fact]
    public async Task ForkBomb_IsContained_AndTheJobEnds()
    {
        var submitted = await Api.SubmitAsync(new JsonObject { ["image"] = "actors/forkbomb", ["timeoutSeconds"] = 20 });

        var job = await Api.WaitFinalAsync(submitted.JobId, JobTimeout, Cancel);

        Assert.True(JobsApi.IsFinal(JobsApi.Status(job)));
        await TestKit.Poll.UntilAsync(async () => (await DockerEngine.ContainersAsync("io.actors.job=" + submitted.JobId)).Count == 0, TimeSpan.FromSeconds(30), "the container to be removed", Cancel);
        // The silo is still fine: another job runs.
        using var after = await Api.RunAsync("actors/cat", Encoding.UTF8.GetBytes("still here"));
        Assert.Equal("still here", await after.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task NetworkAttempt_Fails()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var response = await Api.RunAsync("actors/network", [], 30, port);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(listener.Pending(), "a container reached the host's loopback listener");
    }

    [Fact]
    public async Task Cancel_RunningJob_KillsItsContainer()
    {
        var submitted = await Api.SubmitAsync(new JsonObject { ["image"] = "actors/sleep", ["command"] = new JsonArray("600") });
        await Api.WaitStatusAsync(submitted.JobId, "running", JobTimeout, Cancel);

        var cancelled = await Api.DeleteAsync("/v1/jobs/" + submitted.JobId);
        var again = await Api.DeleteAsync("/v1/jobs/" + submitted.JobId);

        Assert.Equal(HttpStatusCode.OK, cancelled.Status);
        Assert.Equal("cancelled", JobsApi.Status(cancelled.Body), ignoreCase: true);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        await TestKit.Poll.UntilAsync(async () => (await DockerEngine.ContainersAsync("io.actors.job=" + submitted.JobId)).Count == 0, TimeSpan.FromSeconds(30), "the container to be removed", Cancel);
    }

    [Fact]
    public async Task IdempotencyKey_ReturnsTheSameJob_AndADifferentBodyConflicts()
    {
        var body = new JsonObject { ["image"] = "actors/cat", ["input"] = "only once" };

        var first = await Api.SubmitAsync(body, idempotencyKey: "order-42");
        var second = await Api.SubmitAsync((JsonObject)body.DeepClone(), idempotencyKey: "order-42");
        var different = await Api.SubmitAsync(new JsonObject { ["image"] = "actors/cat", ["input"] = "another" }, idempotencyKey: "order-42");

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(first.JobId, second.JobId);
        Assert.Equal(HttpStatusCode.Conflict, different.Status);
        var job = await Api.WaitFinalAsync(first.JobId, JobTimeout, Cancel);
        Assert.Single(job["attempts"]!.AsArray());
    }
}
