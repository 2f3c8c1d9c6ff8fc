using Actors.GrainInterfaces.Coordination.Sessions;

namespace Actors.GrainInterfaces.Coordination.Locks;

/// <summary>
/// One named counting semaphore (key = name) with N permits, fenced like <see cref="ILockGrain"/>: each grant takes one
/// permit and carries a token strictly greater than every earlier one. The first request sets N; later requests must
/// name the same N while any permit is held or awaited (a mismatch is refused, as Consul refuses a different limit).
/// </summary>
public interface ISemaphoreGrain : ISessionBound, IGrainWithStringKey
{
    /// <summary>Takes a permit for the request's session, waiting up to <see cref="SemaphoreRequest.Wait"/> (zero = try once).</summary>
    Task<LockGrant> AcquireAsync(SemaphoreRequest request);

    /// <summary>Returns the permit with <paramref name="token"/>; false when it is not held.</summary>
    Task<bool> ReleaseAsync(string sessionId, long token);

    /// <summary>Permits, holders and waiters.</summary>
    [ReadOnly]
    Task<LockInfo> GetAsync();
}
