using Actors.GrainInterfaces.Coordination.Sessions;

namespace Actors.GrainInterfaces.Coordination.Locks;

/// <summary>
/// One named lock (key = lock name), a read/write lock with fencing tokens: an exclusive grant excludes every other,
/// shared grants coexist; waiters are served first come, first served (a waiting exclusive request holds back later
/// shared ones). Every grant carries a token strictly greater than every earlier token of the lock, also across
/// failover and a whole-cluster restart (the token is persisted before the grant is answered), so a resource that
/// rejects tokens lower than the highest it has seen never accepts two holders. Grants belong to sessions: a session's
/// end releases them.
/// </summary>
public interface ILockGrain : ISessionBound, IGrainWithStringKey
{
    /// <summary>
    /// Acquires the lock for the request's session, waiting up to <see cref="LockRequest.Wait"/> (zero = try once).
    /// Call through a reference whose response timeout exceeds the wait.
    /// </summary>
    Task<LockGrant> AcquireAsync(LockRequest request);

    /// <summary>Releases the grant with <paramref name="token"/> of <paramref name="sessionId"/>; false when it is not held (already released or superseded).</summary>
    Task<bool> ReleaseAsync(string sessionId, long token);

    /// <summary>Holders, waiters and the last token.</summary>
    [ReadOnly]
    Task<LockInfo> GetAsync();
}
