using Actors.GrainInterfaces.Jobs;
using Actors.TestKit;

namespace Actors.Grains.Tests.Jobs;

/// <summary>Two silos as two executor nodes: placement by free capacity and re-running a job whose node left.</summary>
public sealed class JobFailoverTests : JobClusterTestBase
{
    protected override int Silos => 2;

    [Fact]
    public async Task Nodes_ReportThemselves_WithCapacityAndImages()
    {
        var scheduler = Grains.GetGrain<IJobSchedulerGrain>(IJobSchedulerGrain.DefaultKey);
        IReadOnlyList<NodeStatus> nodes = [];

        await Poll.UntilAsync(async () => (nodes = await scheduler.GetNodesAsync()).Count(n => n.Online) == 2, TimeSpan.FromSeconds(20), "both nodes online", Cancel);

        Assert.Equal(["node0", "node1"], nodes.Select(n => n.Node));
        Assert.All(nodes, n =>
        {
            Assert.True(n.EngineAvailable);
            Assert.Equal(4, n.Capacity.Slots);
            Assert.Contains(ScriptedContainerRuntime.Echo + ":latest", n.Images);
        });
    }

    [Fact]
    public async Task Jobs_SpreadOverBothNodes()
    {
        var scheduler = Grains.GetGrain<IJobSchedulerGrain>(IJobSchedulerGrain.DefaultKey);
        await Poll.UntilAsync(async () => (await scheduler.GetNodesAsync()).Count(n => n.Online) == 2, TimeSpan.FromSeconds(20), "both nodes online", Cancel);

        // Six hanging jobs on 2 × 4 slots: with free capacity deciding, neither node takes them all.
        for (var i = 0; i < 6; i++)
        {
            await SubmitAsync("spread" + i, Spec(ScriptedContainerRuntime.Hang));
        }

        var jobs = new List<JobSnapshot>();
        for (var i = 0; i < 6; i++)
        {
            jobs.Add(await WaitStatusAsync("spread" + i, JobStatus.Running));
        }

        Assert.Equal(2, jobs.Select(j => j.Node).Distinct().Count());
        foreach (var job in jobs)
        {
            await Grains.GetGrain<ITaskGrain>(job.Id).CancelAsync();
        }
    }

    [Fact]
    public async Task NodeLeaves_WhileRunning_TheJobReRunsOnTheOtherNode_WithOneAcceptedResult()
    {
        var scheduler = Grains.GetGrain<IJobSchedulerGrain>(IJobSchedulerGrain.DefaultKey);
        await Poll.UntilAsync(async () => (await scheduler.GetNodesAsync()).Count(n => n.Online) == 2, TimeSpan.FromSeconds(20), "both nodes online", Cancel);
        await SubmitAsync("survivor", Spec(ScriptedContainerRuntime.HangFirstAttempt, "payload", timeoutSeconds: 20));
        var running = await WaitStatusAsync("survivor", JobStatus.Running);
        var doomed = Cluster.Silos.Single(s => s.Index == (running.Node == "node0" ? 0 : 1));
        var other = Cluster.Silos.Single(s => !ReferenceEquals(s, doomed));

        await Cluster.StopSiloAsync(doomed, Cancel);
        var task = other.GrainFactory.GetGrain<ITaskGrain>("survivor");
        JobSnapshot? job = null;
        await Poll.UntilAsync(async () => (job = await task.GetAsync())!.Status.IsFinal(), TimeSpan.FromSeconds(30), "the job to finish elsewhere", Cancel);

        Assert.Equal(JobStatus.Succeeded, job!.Status);
        Assert.Equal(2, job.Attempts.Count);
        Assert.Equal(AttemptOutcome.InfrastructureError, job.Attempts[0].Outcome);
        Assert.NotEqual(job.Attempts[0].Node, job.Attempts[1].Node);
        Assert.Equal(job.Attempts[1].Node, job.Node);
        Assert.Equal("payload", System.Text.Encoding.UTF8.GetString((await Store.GetOutputAsync("survivor", 2, Cancel))!));
    }
}
