namespace Actors.Grains.Jobs.Scheduling;

/// <summary>A job held by the scheduler's queue.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Submitter">Who submitted it.</param>
internal sealed record QueuedJob(string JobId, string Submitter)
{
    /// <summary>False while only reserved (its submission is being persisted).</summary>
    public bool Ready { get; set; }

    /// <summary>The CPUs it needs.</summary>
    public double Cpus { get; set; }

    /// <summary>The memory it needs, MiB.</summary>
    public int MemoryMb { get; set; }

    /// <summary>Not to be dispatched before this (retry back-off).</summary>
    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>When the place was reserved.</summary>
    public DateTimeOffset ReservedAt { get; init; }

    /// <summary>Its place in the submitter's list (for O(1) removal).</summary>
    public LinkedListNode<QueuedJob>? Node { get; set; }
}
