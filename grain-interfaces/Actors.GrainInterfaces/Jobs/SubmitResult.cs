namespace Actors.GrainInterfaces.Jobs;

/// <summary>The answer to a submission. Business outcomes are values, not exceptions, so they keep their data across silos.</summary>
/// <param name="Kind">Accepted, an existing job returned again, or refused.</param>
/// <param name="Job">The job (accepted or existing); null when refused.</param>
/// <param name="RetryAfterSeconds">When refused because the queue is full: when to try again.</param>
/// <param name="Detail">Why it was refused, in words.</param>
public sealed record SubmitResult(SubmitResultKind Kind, JobSnapshot? Job, int? RetryAfterSeconds, string? Detail);
