namespace Actors.GrainInterfaces.Jobs;

/// <summary>The scheduler's queue at a glance.</summary>
/// <param name="Queued">Jobs waiting for a node.</param>
/// <param name="Capacity">The queue bound.</param>
/// <param name="Dispatched">Attempts handed to nodes and not yet ended.</param>
/// <param name="Submitters">Submitters with queued jobs.</param>
public sealed record SchedulerStatus(int Queued, int Capacity, int Dispatched, int Submitters);
