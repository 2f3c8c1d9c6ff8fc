namespace Actors.GrainInterfaces.Jobs;

/// <summary>The answer to a cancellation: the job afterwards, and whether this call cancelled it.</summary>
/// <param name="Job">The job, or null when it does not exist.</param>
/// <param name="Cancelled">True when this call cancelled it; false when it was already final.</param>
public sealed record CancelResult(JobSnapshot? Job, bool Cancelled);
