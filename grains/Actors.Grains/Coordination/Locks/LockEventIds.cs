namespace Actors.Grains.Coordination.Locks;

/// <summary>Stable event ids of the lock and semaphore grains' logs (7310-7329).</summary>
internal static class LockEventIds
{
    public const int Granted = 7310;
    public const int Released = 7311;
    public const int SessionEnded = 7312;
    public const int LockDelayStarted = 7313;
    public const int PersistFailed = 7314;
    public const int RefreshFailed = 7315;
}
