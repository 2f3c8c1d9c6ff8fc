namespace Actors.GrainInterfaces.Coordination.Locks;

/// <summary>A lock or semaphore as it is now.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Holders">Who holds it (one exclusive holder, or shared holders / permits).</param>
/// <param name="Waiters">Who waits, first first.</param>
/// <param name="LastToken">The highest token granted so far (0 = never granted).</param>
/// <param name="Permits">A semaphore's permits; 1 for a lock.</param>
/// <param name="DelayedUntil">While a lock-delay runs: when it ends.</param>
public sealed record LockInfo(
    string Name,
    IReadOnlyList<LockHolder> Holders,
    IReadOnlyList<LockWaiter> Waiters,
    long LastToken,
    int Permits,
    DateTimeOffset? DelayedUntil);
