namespace Actors.GrainInterfaces.Jobs;

/// <summary>A job as its Task grain knows it: the REST API's job representation too.</summary>
/// <param name="Id">The job id.</param>
/// <param name="Status">The lifecycle status.</param>
/// <param name="Spec">What was submitted (the inline input is omitted from API answers).</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="UpdatedAt">When its status last changed.</param>
/// <param name="FinishedAt">When it reached a final status.</param>
/// <param name="Attempts">Every attempt so far, oldest first.</param>
/// <param name="Node">The node of the current or last attempt.</param>
/// <param name="ExitCode">The exit code of the accepted attempt.</param>
/// <param name="StderrTail">The stderr tail of the accepted attempt.</param>
/// <param name="OutputBytes">The size of the accepted output.</param>
/// <param name="OutputTruncated">Whether the accepted output was cut at the node's cap.</param>
/// <param name="Reason">Why the job is in its status, in words (for example "killed after 5 s timeout").</param>
/// <param name="NextAttemptAt">When a retry is due, while the job waits to be retried.</param>
/// <param name="Version">Increases with every change; watchers wait for a version above the one they saw.</param>
public sealed record JobSnapshot(
    string Id,
    JobStatus Status,
    JobSpec Spec,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<JobAttempt> Attempts,
    string? Node,
    int? ExitCode,
    string? StderrTail,
    long? OutputBytes,
    bool OutputTruncated,
    string? Reason,
    DateTimeOffset? NextAttemptAt,
    long Version)
{
    /// <summary>The current (last) attempt number, 0 before the first.</summary>
    public int CurrentAttempt => Attempts.Count == 0 ? 0 : Attempts[^1].Number;
}
