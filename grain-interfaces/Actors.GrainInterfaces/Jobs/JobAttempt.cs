namespace Actors.GrainInterfaces.Jobs;

/// <summary>One attempt to run a job on a node. Its <see cref="Number"/> fences results: only the current attempt's result is accepted.</summary>
/// <param name="Number">1 for the first attempt, then 2, 3, ...</param>
/// <param name="Node">The executor node it was assigned to.</param>
/// <param name="ScheduledAt">When it was assigned.</param>
/// <param name="StartedAt">When its container started, if it did.</param>
/// <param name="FinishedAt">When it ended, if it did.</param>
/// <param name="ExitCode">The container's exit code, if it exited.</param>
/// <param name="Outcome">How it ended, or null while it runs.</param>
/// <param name="Error">Why it failed, in words, when it did.</param>
public sealed record JobAttempt(
    int Number,
    string Node,
    DateTimeOffset ScheduledAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int? ExitCode,
    AttemptOutcome? Outcome,
    string? Error);
