using Actors.GrainInterfaces.Coordination.Locks;
using Actors.GrainInterfaces.Coordination.Sessions;
using Actors.Persistence;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Coordination.Locks;

/// <summary>
/// One named counting semaphore (key = name): N permits, each grant fenced by a token; waiters are served in order.
/// The first request sets N; a different N is a conflict while anything is held or waiting.
/// </summary>
[Reentrant]
internal sealed class SemaphoreGrain(
    [PersistentState("semaphore")] IPersistentState<FencedLockState> state,
    TimeProvider time,
    ILogger<SemaphoreGrain> logger) : FencedLockGrain(state, time, logger), ISemaphoreGrain
{
    /// <inheritdoc />
    protected override SessionBindingKind Kind => SessionBindingKind.Semaphore;

    /// <inheritdoc />
    public Task<LockGrant> AcquireAsync(SemaphoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Permits < 1 || request.Permits > LockLimits.MaxPermits)
        {
            throw new ArgumentException($"A semaphore has between 1 and {LockLimits.MaxPermits} permits; the request named {request.Permits}.", nameof(request));
        }

        return AcquireCoreAsync(new GrantRequest(request.SessionId, LockMode.Shared, request.Owner, TimeSpan.Zero), request.Wait, request.Permits);
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(string sessionId, long token) => ReleaseCoreAsync(sessionId, token);

    /// <inheritdoc />
    public Task<LockInfo> GetAsync() => Task.FromResult(Info(StoredPermits));

    /// <inheritdoc />
    protected override bool Fits(LockMode mode, IReadOnlyList<HeldGrant> holders, int permits) => holders.Count < permits;
}
