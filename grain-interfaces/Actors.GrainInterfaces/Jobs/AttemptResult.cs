namespace Actors.GrainInterfaces.Jobs;

/// <summary>
/// What an executor node reports when an attempt ends. The stdout bytes are not here: the node writes them to the
/// job store's output blob for (job, attempt) before it reports, and the Task grain accepts them by accepting this.
/// </summary>
/// <param name="Outcome">How the attempt ended.</param>
/// <param name="ExitCode">The container's exit code, when it exited.</param>
/// <param name="Error">A description of the failure, when there was one.</param>
/// <param name="StderrTail">The last <see cref="JobLimits.StderrTailBytes"/> of stderr, as UTF-8 text.</param>
/// <param name="OutputBytes">The number of stdout bytes kept.</param>
/// <param name="OutputTruncated">Whether stdout exceeded the node's cap and was cut.</param>
/// <param name="StartedAt">When the container started, if it did.</param>
/// <param name="FinishedAt">When the attempt ended.</param>
/// <param name="Permanent">Whether retrying cannot help (for example an image that is absent and cannot be pulled).</param>
public sealed record AttemptResult(
    AttemptOutcome Outcome,
    int? ExitCode,
    string? Error,
    string? StderrTail,
    long OutputBytes,
    bool OutputTruncated,
    DateTimeOffset? StartedAt,
    DateTimeOffset FinishedAt,
    bool Permanent = false);
