using Actors.GrainInterfaces.Coordination.Locks;
using Actors.GrainInterfaces.Coordination.Sessions;
using Actors.Grains.Concurrency;
using Actors.Grains.Coordination.Sessions;
using Actors.Persistence;
using Actors.Timers;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Coordination.Locks;

/// <summary>
/// What a lock and a semaphore share: fenced grants owned by sessions, FIFO waiters (nobody overtakes a waiter; a
/// waiting request that does not fit holds back the later ones), a token counter persisted with each grant before it
/// is answered, releases persisted before they are answered, and the release of whatever an ended session held or
/// waited for. Reentrant: waiters wait outside the grain's turn; every change takes <see cref="_changes"/>.
/// </summary>
[Reentrant]
internal abstract partial class FencedLockGrain : Grain, ISessionBound, IDisposable
{
    private readonly IPersistentState<FencedLockState> _state;
    private readonly ILogger _logger;
    private readonly ChangeGate _changes = new();
    private readonly WaiterQueue<GrantRequest, LockGrant> _waiters = new();
    private SessionTracker? _sessions;
    private IGrainTimer? _refreshTimer;
    private IGrainTimer? _delayTimer;

    protected FencedLockGrain(IPersistentState<FencedLockState> state, TimeProvider time, ILogger logger)
    {
        _state = state;
        Time = time;
        _logger = logger;
    }

    /// <summary>The silo's clock.</summary>
    protected TimeProvider Time { get; }

    /// <summary>The lock's name (the grain key).</summary>
    protected string Name => this.GetPrimaryKeyString();

    /// <summary>How sessions tell this grain their end.</summary>
    protected abstract SessionBindingKind Kind { get; }

    private FencedLockState State => _state.State;

    private SessionTracker Sessions => _sessions ??= new SessionTracker(GrainFactory, new SessionBinding(Kind, Name));

    /// <summary>True when a request in <paramref name="mode"/> can be granted next to <paramref name="holders"/>.</summary>
    protected abstract bool Fits(LockMode mode, IReadOnlyList<HeldGrant> holders, int permits);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Stored holders bind to their sessions again at the first refresh (a session that ended meanwhile releases).
        EnsureRefreshing();
        if (State.DelayedUntil is { } until)
        {
            ArmDelayTimer(until);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _waiters.FailAll(new InvalidOperationException($"{Kind} '{Name}' deactivated while the request waited; retry."));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SessionEndedAsync(string sessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        return _changes.RunAsync(() => EndSessionsAsync([sessionId]));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _refreshTimer?.Dispose();
        _delayTimer?.Dispose();
        _changes.Dispose();
    }

    /// <summary>Grants the request at once, queues it for up to <paramref name="wait"/>, or says why not (after checking what every acquire names).</summary>
    protected async Task<LockGrant> AcquireCoreAsync(GrantRequest request, TimeSpan wait, int permits)
    {
        CoordinationArguments.Name(request.SessionId, "session id");
        CoordinationArguments.Wait(wait);
        CoordinationArguments.Owner(request.Owner);
        CoordinationArguments.Name(Name, "name");
        var queued = await _changes.RunAsync(() => TryGrantOrQueueAsync(request, wait, permits));
        return queued.Grant ?? await WaiterQueue<GrantRequest, LockGrant>.WaitAsync(queued.Waiter!, wait, Time, WithdrawAsync);
    }

    /// <summary>Releases a grant; false when it is not held.</summary>
    protected Task<bool> ReleaseCoreAsync(string sessionId, long token)
    {
        CoordinationArguments.Name(sessionId, "session id");
        return _changes.RunAsync(async () =>
        {
            var held = State.Holders.FindIndex(h => h.Token == token && h.SessionId == sessionId);
            if (held < 0)
            {
                return false;
            }

            State.Holders.RemoveAt(held);
            var grants = Pump();
            await PersistAsync();
            ForgetIfIdle(sessionId);
            Complete(grants);
            LogReleased(_logger, Kind, Name, sessionId, token);
            return true;
        });
    }

    /// <summary>The holders, waiters and counters as they are now.</summary>
    protected LockInfo Info(int permits)
    {
        var now = Time.GetUtcNow();
        return new LockInfo(
            Name,
            [.. State.Holders.Select(h => new LockHolder(h.SessionId, h.Token, h.Mode, h.Owner, h.Since))],
            [.. _waiters.InOrder.Select(w => new LockWaiter(w.Request.SessionId, w.Request.Mode, w.Request.Owner, w.Since))],
            State.LastToken,
            permits,
            State.DelayedUntil is { } until && until > now ? until : null);
    }

    /// <summary>The semaphore's permits as stored (0 before the first request).</summary>
    protected int StoredPermits => State.Permits;

    private async Task<(LockGrant? Grant, WaiterQueue<GrantRequest, LockGrant>.Waiter? Waiter)> TryGrantOrQueueAsync(GrantRequest request, TimeSpan wait, int permits)
    {
        var busy = State.Holders.Count > 0 || _waiters.Count > 0;
        if (busy && State.Permits != 0 && State.Permits != permits)
        {
            return (new LockGrant(LockOutcome.Conflict, null, $"'{Name}' has {State.Permits} permits; the request named {permits}."), null);
        }

        if (!await Sessions.AttachAsync(request.SessionId))
        {
            return (new LockGrant(LockOutcome.SessionUnknown, null, $"Session '{request.SessionId}' is unknown or has ended."), null);
        }

        EnsureRefreshing();
        var mine = State.Holders.Find(h => h.SessionId == request.SessionId && h.Mode == request.Mode);
        if (mine is not null)
        {
            // A repeated request (say, a retry after a lost answer) gets the grant it holds.
            return (new LockGrant(LockOutcome.Granted, mine.Token, null), null);
        }

        if (!busy)
        {
            State.Permits = permits;
        }

        var now = Time.GetUtcNow();
        var delayed = State.DelayedUntil is { } until && until > now;
        if (_waiters.Count == 0 && !delayed && Fits(request.Mode, State.Holders, State.Permits))
        {
            var token = Grant(request, now);
            await PersistAsync();
            return (new LockGrant(LockOutcome.Granted, token, null), null);
        }

        if (wait <= TimeSpan.Zero || _waiters.Count >= LockLimits.MaxWaiters)
        {
            ForgetIfIdle(request.SessionId);
            var detail = wait <= TimeSpan.Zero
                ? delayed ? $"'{Name}' is in its lock-delay until {State.DelayedUntil:O}." : $"'{Name}' is held."
                : $"'{Name}' already has {LockLimits.MaxWaiters} waiters; try again later.";
            return (new LockGrant(LockOutcome.TimedOut, null, detail), null);
        }

        return (null, _waiters.Enqueue(request, now));
    }

    private Task<LockGrant> WithdrawAsync(WaiterQueue<GrantRequest, LockGrant>.Waiter waiter) => _changes.RunAsync(async () =>
    {
        if (waiter.Result.IsCompleted)
        {
            return await waiter.Result;
        }

        var timedOut = new LockGrant(LockOutcome.TimedOut, null, $"'{Name}' was not granted within the wait.");
        _waiters.Complete(waiter, timedOut);
        ForgetIfIdle(waiter.Request.SessionId);

        // A waiter that did not fit may have held back later ones that fit now.
        var grants = Pump();
        if (grants.Count > 0)
        {
            await PersistAsync();
            Complete(grants);
        }

        return timedOut;
    });

    private async Task EndSessionsAsync(IReadOnlyCollection<string> sessionIds)
    {
        var ended = sessionIds.ToHashSet(StringComparer.Ordinal);
        foreach (var id in ended)
        {
            Sessions.Ended(id);
        }

        _waiters.CompleteWhere(
            r => ended.Contains(r.SessionId),
            new LockGrant(LockOutcome.SessionUnknown, null, "The session ended while the request waited."));
        var released = State.Holders.Where(h => ended.Contains(h.SessionId)).ToList();
        if (released.Count == 0)
        {
            return;
        }

        State.Holders.RemoveAll(h => ended.Contains(h.SessionId));
        var delay = released.Max(h => h.LockDelay);
        if (delay > TimeSpan.Zero)
        {
            var until = Time.GetUtcNow() + delay;
            if (State.DelayedUntil is not { } current || current < until)
            {
                State.DelayedUntil = until;
                ArmDelayTimer(until);
                LogLockDelay(_logger, Kind, Name, until);
            }
        }

        var grants = Pump();
        await PersistAsync();
        foreach (var held in released)
        {
            LogSessionEnded(_logger, Kind, Name, held.SessionId, held.Token);
        }

        Complete(grants);
    }

    /// <summary>Grants waiters from the head of the queue while they fit (in memory; the caller persists, then completes).</summary>
    private List<(WaiterQueue<GrantRequest, LockGrant>.Waiter Waiter, LockGrant Grant)> Pump()
    {
        var grants = new List<(WaiterQueue<GrantRequest, LockGrant>.Waiter, LockGrant)>();
        var now = Time.GetUtcNow();
        if (State.DelayedUntil is { } until)
        {
            if (until > now)
            {
                return grants;
            }

            State.DelayedUntil = null;
        }

        foreach (var waiter in _waiters.InOrder)
        {
            if (!Fits(waiter.Request.Mode, State.Holders, State.Permits))
            {
                break;
            }

            grants.Add((waiter, new LockGrant(LockOutcome.Granted, Grant(waiter.Request, now), null)));
        }

        return grants;
    }

    private void Complete(List<(WaiterQueue<GrantRequest, LockGrant>.Waiter Waiter, LockGrant Grant)> grants)
    {
        foreach (var (waiter, grant) in grants)
        {
            _waiters.Complete(waiter, grant);
        }
    }

    private long Grant(GrantRequest request, DateTimeOffset now)
    {
        var token = ++State.LastToken;
        State.Holders.Add(new HeldGrant(request.SessionId, token, request.Mode, request.Owner, now, request.LockDelay));
        LogGranted(_logger, Kind, Name, request.SessionId, token, request.Mode);
        return token;
    }

    private async Task PersistAsync()
    {
        try
        {
            await _state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            // The memory is ahead of storage now: the next activation starts from what is stored.
            LogPersistFailed(_logger, Kind, Name, ex);
            DeactivateOnIdle();
            throw;
        }
    }

    private void ForgetIfIdle(string sessionId)
    {
        if (!State.Holders.Exists(h => h.SessionId == sessionId) && !_waiters.Any(r => r.SessionId == sessionId))
        {
            Sessions.Forget(sessionId);
        }
    }

    private void EnsureRefreshing()
    {
        if (_refreshTimer is null && (Sessions.Any || State.Holders.Count > 0))
        {
            _refreshTimer = RegisterGrainTimer(
                RefreshAsync,
                new GrainTimerCreationOptions(SessionTracker.RefreshPeriod, SessionTracker.RefreshPeriod) { KeepAlive = true });
        }
    }

    /// <summary>Binds again to every session holding or waiting here; releases what ended sessions held.</summary>
    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var ended = new List<string>(await Sessions.RefreshAsync());
            foreach (var sessionId in State.Holders.Select(h => h.SessionId).Distinct().Where(s => !Sessions.Sessions.Contains(s)).ToList())
            {
                // Holders loaded from storage bind again here.
                if (!await Sessions.AttachAsync(sessionId))
                {
                    ended.Add(sessionId);
                }
            }

            if (ended.Count > 0)
            {
                await _changes.RunAsync(() => EndSessionsAsync(ended));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(_logger, Kind, Name, ex);
        }

        if (!Sessions.Any && State.Holders.Count == 0 && _waiters.Count == 0)
        {
            _refreshTimer?.Dispose();
            _refreshTimer = null;
        }
    }

    private void ArmDelayTimer(DateTimeOffset until)
    {
        _delayTimer?.Dispose();
        var due = until - Time.GetUtcNow();
        _delayTimer = RegisterGrainTimer(
            EndDelayAsync,
            new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private Task EndDelayAsync(CancellationToken cancellationToken) => _changes.RunAsync(async () =>
    {
        if (State.DelayedUntil is { } until && until > Time.GetUtcNow())
        {
            ArmDelayTimer(until);
            return;
        }

        var grants = Pump();
        await PersistAsync();
        Complete(grants);
    });
}
