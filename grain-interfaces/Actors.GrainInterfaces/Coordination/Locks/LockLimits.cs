namespace Actors.GrainInterfaces.Coordination.Locks;

/// <summary>Bounds on locks and semaphores.</summary>
public static class LockLimits
{
    /// <summary>The longest wait of one acquire.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    /// <summary>The longest lock-delay.</summary>
    public static readonly TimeSpan MaxLockDelay = TimeSpan.FromMinutes(1);

    /// <summary>The most permits of a semaphore.</summary>
    public const int MaxPermits = 10_000;

    /// <summary>The most waiters one lock queues; more are refused at once (bounded memory).</summary>
    public const int MaxWaiters = 10_000;
}
