namespace Actors.GrainInterfaces.Jobs;

/// <summary>What happened to a submission.</summary>
public enum SubmitResultKind
{
    /// <summary>A new job was persisted and queued.</summary>
    Accepted,

    /// <summary>The same submission (same id, same spec) was accepted earlier: this is that job.</summary>
    Existing,

    /// <summary>The id (idempotency key) is taken by a different submission.</summary>
    Conflict,

    /// <summary>The queue is full (or the submitter's share of it): nothing was persisted; try again later.</summary>
    QueueFull,
}
