namespace Actors.GrainInterfaces.Jobs;

/// <summary>
/// One executor node (key = node name), pinned to the silo of that node: it drives the node's container engine.
/// When that silo is not active, calls fail with <see cref="NodeOfflineException"/>; the grain never activates elsewhere.
/// </summary>
public interface IExecutorNodeGrain : IGrainWithStringKey
{
    /// <summary>Capacity, free capacity, running attempts and engine state.</summary>
    [AlwaysInterleave]
    Task<NodeStatus> GetStatusAsync();

    /// <summary>Reserves capacity and starts the attempt in a hardened container; its end is reported to the Task grain.</summary>
    Task<StartAttemptResult> StartAsync(JobAssignment assignment);

    /// <summary>Kills the attempt's container if it runs here. False when it does not run here.</summary>
    Task<bool> CancelAsync(string jobId, int attempt);
}
