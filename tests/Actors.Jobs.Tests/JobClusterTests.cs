using System.Net;
using System.Text.Json.Nodes;
using Actors.TestKit;
using Actors.TestKit.Postgres;

namespace Actors.Jobs.Tests;

/// <summary>Silo processes as executor nodes: a full queue, a node killed mid-job, a whole-cluster restart, orphans.</summary>
public sealed class JobClusterTests(PostgresDatabase database)
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(120);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FullQueue_Answers429WithRetryAfter_AndKeepsWhatItAccepted()
    {
        await using var cluster = await StartAsync(1, new() { ["Actors__Jobs__QueueCapacity"] = "3", ["Actors__Jobs__SubmitterQueueShare"] = "1", ["Actors__Executor__Slots"] = "1" });
        var api = cluster.Silos[0].Api;
        var sleeper = new JsonObject { ["image"] = "actors/sleep", ["command"] = new JsonArray("600") };

        // One runs (the slot), three wait (the bound); the next is refused.
        var accepted = new List<string>();
        ApiAnswer answer;
        do
        {
            answer = await api.SubmitAsync((JsonObject)sleeper.DeepClone());
            if (answer.Status == HttpStatusCode.Accepted)
            {
                accepted.Add(answer.JobId);
            }
        }
        while (answer.Status == HttpStatusCode.Accepted && accepted.Count < 10);

        Assert.Equal((HttpStatusCode)429, answer.Status);
        Assert.True(answer.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a Retry-After");
        Assert.InRange(accepted.Count, 3, 4);
        foreach (var id in accepted)
        {
            var job = await api.GetAsync("/v1/jobs/" + id);
            Assert.Equal(HttpStatusCode.OK, job.Status);
            await api.DeleteAsync("/v1/jobs/" + id);
        }
    }

    [Fact]
    public async Task KillNine_TheNodeRunningALongJob_TheJobFinishesOnTheOtherNode_WithOneAcceptedResult()
    {
        await using var cluster = await StartAsync(2);
        await WaitForNodesAsync(cluster.Silos[0].Api, 2);
        var submitted = await cluster.Silos[0].Api.SubmitAsync(new JsonObject
        {
            ["image"] = "actors/busybox",
            ["command"] = new JsonArray("sh", "-c", "sleep 6; echo finished on $HOSTNAME"),
            ["timeoutSeconds"] = 120,
        });
        var running = await cluster.Silos[0].Api.WaitStatusAsync(submitted.JobId, "running", JobTimeout, Cancel);
        var victim = cluster.Silos.Single(s => s.NodeName == running["node"]!.GetValue<string>());
        var survivor = cluster.Silos.Single(s => !ReferenceEquals(s, victim));

        victim.Process.Kill();
        cluster.Remove(victim);
        var job = await survivor.Api.WaitFinalAsync(submitted.JobId, JobTimeout, Cancel);

        Assert.Equal("succeeded", JobsApi.Status(job), ignoreCase: true);
        var attempts = job["attempts"]!.AsArray();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(victim.NodeName, attempts[0]!["node"]!.GetValue<string>());
        Assert.Equal("infrastructureerror", attempts[0]!["outcome"]!.GetValue<string>(), ignoreCase: true);
        Assert.Equal(survivor.NodeName, attempts[1]!["node"]!.GetValue<string>());
        Assert.Equal(survivor.NodeName, job["node"]!.GetValue<string>());
        Assert.StartsWith("finished on", await survivor.Api.Http.GetStringAsync($"/v1/jobs/{submitted.JobId}/output", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllSilosRestarted_EveryAcceptedJobAndItsOutputIsStillThere()
    {
        var connectionString = await database.CreateDatabaseAsync(migrate: false, Cancel);
        var expected = new Dictionary<string, string>();
        var queued = new List<string>();
        await using (var cluster = await JobsCluster.StartAsync(connectionString, 2, Cancel))
        {
            for (var i = 0; i < 6; i++)
            {
                var answer = await cluster.Silos[i % 2].Api.SubmitAsync(new JsonObject { ["image"] = "actors/upper", ["input"] = "job " + i });
                expected[answer.JobId] = "JOB " + i;
            }

            foreach (var id in expected.Keys)
            {
                await cluster.Silos[0].Api.WaitFinalAsync(id, JobTimeout, Cancel);
            }

            // Accepted but not yet run when the cluster goes down: it must run after the restart.
            var longOne = await cluster.Silos[0].Api.SubmitAsync(new JsonObject { ["image"] = "actors/busybox", ["command"] = new JsonArray("sh", "-c", "sleep 2; echo late") });
            queued.Add(longOne.JobId);
            foreach (var silo in cluster.Silos.ToList())
            {
                silo.Process.Kill();
                cluster.Remove(silo);
            }
        }

        await using var restarted = await JobsCluster.StartAsync(connectionString, 2, Cancel);
        var api = restarted.Silos[1].Api;
        foreach (var (id, output) in expected)
        {
            var job = await api.GetAsync("/v1/jobs/" + id);
            Assert.Equal("succeeded", JobsApi.Status(job.Body), ignoreCase: true);
            Assert.Equal(output, await api.Http.GetStringAsync($"/v1/jobs/{id}/output", Cancel));
        }

        var late = await api.WaitFinalAsync(queued[0], JobTimeout, Cancel);
        Assert.Equal("succeeded", JobsApi.Status(late), ignoreCase: true);
        Assert.Equal("late\n", await api.Http.GetStringAsync($"/v1/jobs/{queued[0]}/output", Cancel));
    }

    [Fact]
    public async Task RestartedNode_RemovesTheContainersItsPreviousProcessLeft()
    {
        await using var cluster = await StartAsync(1);
        var silo = cluster.Silos[0];
        var submitted = await silo.Api.SubmitAsync(new JsonObject { ["image"] = "actors/sleep", ["command"] = new JsonArray("600") });
        await silo.Api.WaitStatusAsync(submitted.JobId, "running", JobTimeout, Cancel);
        var label = "io.actors.node=" + silo.NodeName;
        var orphans = await DockerEngine.ContainersAsync(label);
        Assert.NotEmpty(orphans);

        silo.Process.Kill();
        cluster.Remove(silo);
        Assert.Equal(orphans, await DockerEngine.ContainersAsync(label));
        var again = await cluster.AddSiloAsync(Cancel, silo.NodeName);

        await Poll.UntilAsync(async () => !(await DockerEngine.ContainersAsync(label)).Intersect(orphans).Any(), TimeSpan.FromSeconds(60), "the orphan to be removed", Cancel);
        // The job itself was not lost: its node came back without it, so it runs again as a new attempt.
        JsonObject? job = null;
        await Poll.UntilAsync(
            async () => (job = (await again.Api.GetAsync("/v1/jobs/" + submitted.JobId)).Json) is { } j
                && j["attempts"]!.AsArray().Count == 2
                && string.Equals(JobsApi.Status(j), "running", StringComparison.OrdinalIgnoreCase),
            JobTimeout,
            "the job to run again",
            Cancel);
        Assert.Equal("infrastructureerror", job!["attempts"]![0]!["outcome"]!.GetValue<string>(), ignoreCase: true);
        await again.Api.DeleteAsync("/v1/jobs/" + submitted.JobId);
    }

    private async Task<JobsCluster> StartAsync(int silos, Dictionary<string, string>? settings = null)
    {
        var connectionString = await database.CreateDatabaseAsync(migrate: false, Cancel);
        return await JobsCluster.StartAsync(connectionString, silos, Cancel, settings);
    }

    private static async Task WaitForNodesAsync(JobsApi api, int count) =>
        await Poll.UntilAsync(
            async () =>
            {
                var nodes = await api.GetAsync("/v1/nodes");
                return nodes.Status == HttpStatusCode.OK && nodes.Body["nodes"]!.AsArray().Count(n => n!["online"]!.GetValue<bool>()) == count;
            },
            TimeSpan.FromSeconds(60),
            $"{count} nodes online",
            Cancel);
}
