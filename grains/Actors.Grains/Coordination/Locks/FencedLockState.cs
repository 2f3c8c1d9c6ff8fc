namespace Actors.Grains.Coordination.Locks;

/// <summary>A lock's or semaphore's durable state: the token counter, the holders and a running lock-delay.</summary>
internal sealed class FencedLockState
{
    /// <summary>The highest token granted (0 = never).</summary>
    public long LastToken { get; set; }

    /// <summary>A semaphore's permits (0 until the first request sets them); 1 for a lock.</summary>
    public int Permits { get; set; }

    /// <summary>Who holds it.</summary>
    public List<HeldGrant> Holders { get; set; } = [];

    /// <summary>While a lock-delay runs: when it ends.</summary>
    public DateTimeOffset? DelayedUntil { get; set; }
}
