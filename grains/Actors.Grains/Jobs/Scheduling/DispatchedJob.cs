namespace Actors.Grains.Jobs.Scheduling;

/// <summary>A job the scheduler handed to a node.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Submitter">Who submitted it.</param>
/// <param name="Node">The node.</param>
/// <param name="Silo">The node's silo when the job was dispatched (a restarted silo no longer runs it).</param>
/// <param name="Cpus">The CPUs it holds there.</param>
/// <param name="MemoryMb">The memory it holds there (MiB).</param>
/// <param name="DispatchedAt">When it was handed out.</param>
internal sealed record DispatchedJob(string JobId, string Submitter, string Node, string Silo, double Cpus, int MemoryMb, DateTimeOffset DispatchedAt)
{
    /// <summary>The attempt number, once the Task grain has assigned it.</summary>
    public int? Attempt { get; set; }

    /// <summary>How many node reports in a row did not list the attempt (it ended, or its end report was lost).</summary>
    public int MissingReports { get; set; }

    /// <summary>Why the attempt is lost, once the scheduler knows it is and has not yet told the Task grain.</summary>
    public string? LostReason { get; set; }
}
