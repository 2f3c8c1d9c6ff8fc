namespace Actors.GrainInterfaces.Jobs;

/// <summary>
/// The cluster's job queue and dispatcher (one activation, key <see cref="DefaultKey"/>). Holds queued jobs in
/// memory, bounded, fair between submitters; the job store is the durable truth it rebuilds from after failover.
/// Chooses among active executor nodes by free capacity and watches the nodes of running attempts.
/// </summary>
public interface IJobSchedulerGrain : IGrainWithStringKey
{
    /// <summary>The key of the one scheduler.</summary>
    const string DefaultKey = "default";

    /// <summary>
    /// Reserves a queue place for a job about to be persisted. Refused when the queue (or the submitter's share of
    /// it) is full; <paramref name="jobId"/> already queued counts as reserved.
    /// </summary>
    Task<QueueReservation> ReserveAsync(string jobId, string submitter);

    /// <summary>Queues a persisted job for its next attempt (not before <paramref name="notBefore"/>, for back-off).</summary>
    Task EnqueueAsync(string jobId, string submitter, JobDemand demand, DateTimeOffset? notBefore);

    /// <summary>Forgets a job that became final or was cancelled while queued, releasing what it held.</summary>
    Task ForgetAsync(string jobId);

    /// <summary>A node reports itself (on activation, periodically and when its load changes).</summary>
    Task ReportNodeAsync(NodeStatus status);

    /// <summary>The nodes the scheduler knows, with their last reports.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<NodeStatus>> GetNodesAsync();

    /// <summary>Queue length and the retry-after hint the API gives when the queue is full.</summary>
    [AlwaysInterleave]
    Task<SchedulerStatus> GetStatusAsync();
}
