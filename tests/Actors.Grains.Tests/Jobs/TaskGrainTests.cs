using System.Text;
using Actors.GrainInterfaces.Jobs;
using Actors.TestKit;

namespace Actors.Grains.Tests.Jobs;

/// <summary>One job's lifecycle on a one-silo cluster: results, failures, retries, fencing, cancellation, idempotency.</summary>
public sealed class TaskGrainTests : JobClusterTestBase
{
    [Fact]
    public async Task Submit_EchoJob_SucceedsWithItsOutputStoredForTheAcceptedAttempt()
    {
        var accepted = await SubmitAsync("echo-1", Spec(ScriptedContainerRuntime.Echo, "hello jobs"));
        Assert.Equal(JobStatus.Queued, accepted.Status);
        Assert.Equal(1, accepted.Version);

        var job = await WaitFinalAsync("echo-1");

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(0, job.ExitCode);
        var attempt = Assert.Single(job.Attempts);
        Assert.Equal("node0", attempt.Node);
        Assert.Equal(AttemptOutcome.Exited, attempt.Outcome);
        Assert.NotNull(attempt.StartedAt);
        Assert.Equal(10, job.OutputBytes);
        var output = await Store.GetOutputAsync("echo-1", 1, Cancel);
        Assert.Equal("hello jobs", Encoding.UTF8.GetString(output!));
        Assert.Equal(JobStatus.Succeeded, (await Store.GetAsync("echo-1", Cancel))!.Status);
    }

    [Fact]
    public async Task Submit_SameSpecTwice_ReturnsTheExistingJob_AndADifferentSpecConflicts()
    {
        var spec = Spec(ScriptedContainerRuntime.Echo, "once");
        await SubmitAsync("idem", spec);

        var again = await Grains.GetGrain<ITaskGrain>("idem").SubmitAsync(spec with { InlineInput = Encoding.UTF8.GetBytes("once") });
        var different = await Grains.GetGrain<ITaskGrain>("idem").SubmitAsync(Spec(ScriptedContainerRuntime.Echo, "twice"));

        Assert.Equal(SubmitResultKind.Existing, again.Kind);
        Assert.Equal("idem", again.Job!.Id);
        Assert.Equal(SubmitResultKind.Conflict, different.Kind);
        var job = await WaitFinalAsync("idem");
        Assert.Single(job.Attempts);
        Assert.Single(Runtime.Runs, r => r.Labels["io.actors.job"] == "idem");
    }

    [Fact]
    public async Task NonZeroExit_FailsWithoutRetry_AndKeepsTheStderrTail()
    {
        await SubmitAsync("exit3", Spec(ScriptedContainerRuntime.ExitThree, retries: 3));

        var job = await WaitFinalAsync("exit3");

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(3, job.ExitCode);
        Assert.Equal("boom\n", job.StderrTail);
        Assert.Single(job.Attempts);
        Assert.Contains("code 3", job.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonZeroExit_WithRetryOnFailure_RunsRetriesPlusOneAttempts()
    {
        await SubmitAsync("exit3-retry", Spec(ScriptedContainerRuntime.ExitThree, retries: 2, retryOnFailure: true));

        var job = await WaitFinalAsync("exit3-retry");

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal([1, 2, 3], job.Attempts.Select(a => a.Number));
    }

    [Fact]
    public async Task EngineErrors_AreRetriedWithBackoff_ThenFail()
    {
        await SubmitAsync("engine", Spec(ScriptedContainerRuntime.EngineError, retries: 2));

        var job = await WaitFinalAsync("engine");

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(3, job.Attempts.Count);
        Assert.All(job.Attempts, a => Assert.Equal(AttemptOutcome.InfrastructureError, a.Outcome));
        Assert.Contains("gave up after 3", job.Reason, StringComparison.Ordinal);
        // Each retry waited for its back-off after the previous attempt ended.
        for (var i = 1; i < job.Attempts.Count; i++)
        {
            Assert.True(job.Attempts[i].ScheduledAt >= job.Attempts[i - 1].FinishedAt, "a retry started before its predecessor ended");
        }
    }

    [Fact]
    public async Task MissingImage_FailsAtOnce_WithoutRetries()
    {
        await SubmitAsync("missing", Spec(ScriptedContainerRuntime.Missing, retries: 5));

        var job = await WaitFinalAsync("missing");

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Single(job.Attempts);
        Assert.Contains("not present", job.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_EndsAsTimedOut()
    {
        await SubmitAsync("slow", Spec(ScriptedContainerRuntime.Hang, timeoutSeconds: 1));

        var job = await WaitFinalAsync("slow");

        Assert.Equal(JobStatus.TimedOut, job.Status);
        Assert.Contains("1 s timeout", job.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_RunningJob_KillsItsContainer_AndASecondCancelIsRefused()
    {
        await SubmitAsync("cancel-me", Spec(ScriptedContainerRuntime.Hang));
        await Runtime.StartedAsync("cancel-me").WaitAsync(TimeSpan.FromSeconds(20), Cancel);

        var first = await Grains.GetGrain<ITaskGrain>("cancel-me").CancelAsync();
        var second = await Grains.GetGrain<ITaskGrain>("cancel-me").CancelAsync();

        Assert.True(first.Cancelled);
        Assert.Equal(JobStatus.Cancelled, first.Job!.Status);
        Assert.False(second.Cancelled);
        await Poll.UntilAsync(() => Runtime.Cancelled.Contains("cancel-me"), TimeSpan.FromSeconds(10), "the container to be killed", Cancel);
        Assert.Equal(AttemptOutcome.Cancelled, (await WaitFinalAsync("cancel-me")).Attempts[^1].Outcome);
    }

    [Fact]
    public async Task StaleAttemptReports_AreRejected()
    {
        await SubmitAsync("fenced", Spec(ScriptedContainerRuntime.Hang));
        var running = await WaitStatusAsync("fenced", JobStatus.Running);
        var task = Grains.GetGrain<ITaskGrain>("fenced");
        var late = new AttemptResult(AttemptOutcome.Exited, 0, null, null, 0, false, null, DateTimeOffset.UtcNow);

        Assert.False(await task.CompleteAttemptAsync(running.CurrentAttempt + 1, late));
        Assert.False(await task.CompleteAttemptAsync(running.CurrentAttempt - 1, late));
        await task.AttemptLostAsync(running.CurrentAttempt, "the test says the node died");
        var retried = await WaitStatusAsync("fenced", JobStatus.Running);

        // The first attempt is superseded now: its result no longer counts.
        Assert.Equal(2, retried.CurrentAttempt);
        Assert.False(await task.CompleteAttemptAsync(1, late));
        Assert.Equal(JobStatus.Running, (await task.GetAsync())!.Status);
        await task.CancelAsync();
    }

    [Fact]
    public async Task NulInStderr_IsReplaced_SoTheResultCanBeStored()
    {
        await SubmitAsync("nul", Spec(ScriptedContainerRuntime.NulInStderr));

        var job = await WaitFinalAsync("nul");

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal("a\uFFFDb", job.StderrTail);
    }

    [Fact]
    public async Task UnknownJob_IsNull()
    {
        Assert.Null(await Grains.GetGrain<ITaskGrain>("never-submitted").GetAsync());
        Assert.Null((await Grains.GetGrain<ITaskGrain>("never-submitted").CancelAsync()).Job);
    }
}
