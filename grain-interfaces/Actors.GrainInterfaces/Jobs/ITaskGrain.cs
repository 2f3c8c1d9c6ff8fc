namespace Actors.GrainInterfaces.Jobs;

/// <summary>
/// Owns one job's durable lifecycle (key = job id). Every change is persisted before it is acknowledged. Attempt
/// numbers fence results: a report carrying a superseded attempt is rejected, so a job never has two accepted results.
/// </summary>
public interface ITaskGrain : IGrainWithStringKey
{
    /// <summary>
    /// Accepts the job (persisted and queued before this returns), or returns the existing job when the same
    /// submission was accepted before; refuses when the id is taken by a different submission or the queue is full.
    /// </summary>
    Task<SubmitResult> SubmitAsync(JobSpec spec);

    /// <summary>The job, or null when no job has this id.</summary>
    [ReadOnly]
    Task<JobSnapshot?> GetAsync();

    /// <summary>
    /// Waits until the job's version exceeds <paramref name="afterVersion"/> or <paramref name="maxWait"/> passes,
    /// then returns the job as it is (null when unknown). Interleaves, so watchers never block the job.
    /// </summary>
    [AlwaysInterleave]
    Task<JobSnapshot?> WatchAsync(long afterVersion, TimeSpan maxWait);

    /// <summary>Cancels the job (kills its container when running). Null job in the result when unknown.</summary>
    Task<CancelResult> CancelAsync();

    /// <summary>
    /// The scheduler assigns the next attempt to <paramref name="node"/>. Returns the assignment to hand to the node,
    /// or null when the job no longer wants one (cancelled, final, or already running).
    /// </summary>
    Task<JobAssignment?> AssignAsync(string node);

    /// <summary>A node says the attempt's container started. False when the attempt is superseded (the node then kills it).</summary>
    Task<bool> AttemptStartedAsync(int attempt, DateTimeOffset startedAt);

    /// <summary>A node reports the end of an attempt. False when the attempt is superseded: its result is discarded.</summary>
    Task<bool> CompleteAttemptAsync(int attempt, AttemptResult result);

    /// <summary>
    /// The scheduler reports that the attempt's node is gone or refused it: counts as an infrastructure failure
    /// (retried with back-off while the job's retries last). Ignored when the attempt is superseded.
    /// </summary>
    Task AttemptLostAsync(int attempt, string reason);
}
