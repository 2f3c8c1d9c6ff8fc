using Actors.GrainInterfaces.Jobs;
using Actors.TestKit;

namespace Actors.Grains.Tests.Jobs;

/// <summary>The scheduler's bound and fairness on a cluster without executor nodes (jobs stay queued).</summary>
public sealed class JobSchedulerQueueTests : JobClusterTestBase
{
    protected override void Configure(TestClusterOptions options)
    {
        options.Configuration["Actors:Executor:Enabled"] = "false";
        options.Configuration["Actors:Jobs:QueueCapacity"] = "4";
        options.Configuration["Actors:Jobs:SubmitterQueueShare"] = "0.5";
    }

    [Fact]
    public async Task FullQueue_RefusesWithRetryAfter_AndPersistsNothing()
    {
        await SubmitAsync("a1", Spec(ScriptedContainerRuntime.Echo, submitter: "alice"));
        await SubmitAsync("a2", Spec(ScriptedContainerRuntime.Echo, submitter: "alice"));
        await SubmitAsync("b1", Spec(ScriptedContainerRuntime.Echo, submitter: "bob"));
        await SubmitAsync("c1", Spec(ScriptedContainerRuntime.Echo, submitter: "carol"));

        var refused = await Grains.GetGrain<ITaskGrain>("d1").SubmitAsync(Spec(ScriptedContainerRuntime.Echo, submitter: "dave"));

        Assert.Equal(SubmitResultKind.QueueFull, refused.Kind);
        Assert.InRange(refused.RetryAfterSeconds!.Value, 1, 60);
        Assert.Contains("full", refused.Detail, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync("d1", Cancel));
        Assert.Equal(4, (await Grains.GetGrain<IJobSchedulerGrain>(IJobSchedulerGrain.DefaultKey).GetStatusAsync()).Queued);
    }

    [Fact]
    public async Task OneSubmitter_CannotTakeMoreThanItsShare()
    {
        await SubmitAsync("a1", Spec(ScriptedContainerRuntime.Echo, submitter: "alice"));
        await SubmitAsync("a2", Spec(ScriptedContainerRuntime.Echo, submitter: "alice"));

        var flood = await Grains.GetGrain<ITaskGrain>("a3").SubmitAsync(Spec(ScriptedContainerRuntime.Echo, submitter: "alice"));
        var other = await Grains.GetGrain<ITaskGrain>("b1").SubmitAsync(Spec(ScriptedContainerRuntime.Echo, submitter: "bob"));

        Assert.Equal(SubmitResultKind.QueueFull, flood.Kind);
        Assert.Contains("alice", flood.Detail, StringComparison.Ordinal);
        Assert.Equal(SubmitResultKind.Accepted, other.Kind);
    }

    [Fact]
    public async Task CancelQueuedJob_FreesItsPlace()
    {
        await SubmitAsync("a1", Spec(ScriptedContainerRuntime.Echo, submitter: "alice"));
        await SubmitAsync("a2", Spec(ScriptedContainerRuntime.Echo, submitter: "alice"));

        var cancelled = await Grains.GetGrain<ITaskGrain>("a1").CancelAsync();
        var next = await Grains.GetGrain<ITaskGrain>("a3").SubmitAsync(Spec(ScriptedContainerRuntime.Echo, submitter: "alice"));

        Assert.Equal(JobStatus.Cancelled, cancelled.Job!.Status);
        Assert.Empty(cancelled.Job.Attempts);
        Assert.Equal(SubmitResultKind.Accepted, next.Kind);
    }
}
