using Actors.GrainInterfaces.Coordination.Locks;
using Actors.GrainInterfaces.Coordination.Sessions;
using Actors.Persistence;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Coordination.Locks;

/// <summary>
/// One named read/write lock with fencing tokens (key = name): an exclusive grant excludes all others, shared grants
/// coexist, waiters are served in order, and a session that ends holding the lock starts the grant's lock-delay.
/// </summary>
[Reentrant]
internal sealed class LockGrain(
    [PersistentState("lock")] IPersistentState<FencedLockState> state,
    TimeProvider time,
    ILogger<LockGrain> logger) : FencedLockGrain(state, time, logger), ILockGrain
{
    /// <inheritdoc />
    protected override SessionBindingKind Kind => SessionBindingKind.Lock;

    /// <inheritdoc />
    public Task<LockGrant> AcquireAsync(LockRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.IsDefined(request.Mode))
        {
            throw new ArgumentException($"Unknown lock mode {(int)request.Mode}.", nameof(request));
        }

        if (request.LockDelay < TimeSpan.Zero || request.LockDelay > LockLimits.MaxLockDelay)
        {
            throw new ArgumentException($"The lock-delay must be between 0 and {LockLimits.MaxLockDelay}; it was {request.LockDelay}.", nameof(request));
        }

        return AcquireCoreAsync(new GrantRequest(request.SessionId, request.Mode, request.Owner, request.LockDelay), request.Wait, permits: 1);
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(string sessionId, long token) => ReleaseCoreAsync(sessionId, token);

    /// <inheritdoc />
    public Task<LockInfo> GetAsync() => Task.FromResult(Info(permits: 1));

    /// <inheritdoc />
    protected override bool Fits(LockMode mode, IReadOnlyList<HeldGrant> holders, int permits) =>
        holders.Count == 0 || (mode == LockMode.Shared && holders.All(h => h.Mode == LockMode.Shared));
}
