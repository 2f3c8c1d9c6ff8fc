using Actors.GrainInterfaces.Coordination.Discovery;
using Actors.GrainInterfaces.Coordination.Elections;
using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.GrainInterfaces.Coordination.Locks;
using Actors.GrainInterfaces.Coordination.Sessions;
using Actors.Persistence;
using Actors.Timers;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Coordination.Sessions;

/// <summary>
/// One session (key = session id). Its row is persisted before <see cref="CreateAsync"/> answers and cleared when it
/// ends; keep-alives and bindings live in memory (a reactivated session gets a full TTL, and its resources re-bind
/// within <see cref="SessionTracker.RefreshPeriod"/>). Expiry is a grain timer. Reentrant so that resources asking
/// <see cref="AttachAsync"/> are answered while the session tells its end to them; creation, keep-alive, close and
/// expiry take one change at a time.
/// </summary>
[Reentrant]
internal sealed partial class SessionGrain : Grain, ISessionGrain, IDisposable
{
    private readonly IPersistentState<SessionState> _state;
    private readonly TimeProvider _time;
    private readonly ILogger<SessionGrain> _logger;
    private readonly SemaphoreSlim _changes = new(1, 1);
    private readonly HashSet<SessionBinding> _bindings = [];
    private DateTimeOffset _expiresAt;
    private bool _ended;
    private IGrainTimer? _expiry;

    public SessionGrain([PersistentState("session")] IPersistentState<SessionState> state, TimeProvider time, ILogger<SessionGrain> logger)
    {
        _state = state;
        _time = time;
        _logger = logger;
    }

    private string Id => this.GetPrimaryKeyString();

    private bool Live => _state.RecordExists && !_ended && _time.GetUtcNow() < _expiresAt;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_state.RecordExists)
        {
            // etcd's lease semantics: keep-alives are not durable, so a reactivated session gets a full TTL from now.
            _expiresAt = _time.GetUtcNow() + _state.State.Ttl;
            ArmExpiry(_state.State.Ttl);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<SessionInfo> CreateAsync(TimeSpan ttl, string? owner)
    {
        CoordinationArguments.Name(Id, "session id");
        if (ttl < SessionLimits.MinTtl || ttl > SessionLimits.MaxTtl)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, $"The session TTL must be between {SessionLimits.MinTtl} and {SessionLimits.MaxTtl}.");
        }

        if (owner is not null && owner.Length > SessionLimits.MaxOwnerLength)
        {
            throw new ArgumentOutOfRangeException(nameof(owner), owner.Length, $"The owner label may have at most {SessionLimits.MaxOwnerLength} characters.");
        }

        await _changes.WaitAsync();
        try
        {
            if (Live)
            {
                return Info();
            }

            var now = _time.GetUtcNow();
            _state.State = new SessionState { Ttl = ttl, CreatedAt = now, Owner = owner };
            await _state.WriteStateAsync();
            _ended = false;
            _bindings.Clear();
            _expiresAt = now + ttl;
            ArmExpiry(ttl);
            LogCreated(_logger, Id, ttl, owner);
            return Info();
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <inheritdoc />
    public Task<SessionInfo?> KeepAliveAsync()
    {
        if (!Live)
        {
            return Task.FromResult<SessionInfo?>(null);
        }

        // The expiry timer finds the later deadline when it ticks and waits again.
        _expiresAt = _time.GetUtcNow() + _state.State.Ttl;
        return Task.FromResult<SessionInfo?>(Info());
    }

    /// <inheritdoc />
    public async Task<bool> CloseAsync()
    {
        await _changes.WaitAsync();
        try
        {
            if (!Live)
            {
                return false;
            }

            await EndAsync("closed");
            return true;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <inheritdoc />
    public Task<SessionInfo?> GetAsync() => Task.FromResult(Live ? Info() : null);

    /// <inheritdoc />
    public Task<bool> AttachAsync(SessionBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (!Live)
        {
            return Task.FromResult(false);
        }

        _bindings.Add(binding);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task DetachAsync(SessionBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        _bindings.Remove(binding);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _expiry?.Dispose();
        _changes.Dispose();
    }

    private SessionInfo Info() => new(Id, _state.State.Ttl, _state.State.CreatedAt, _expiresAt, _state.State.Owner);

    private void ArmExpiry(TimeSpan due)
    {
        _expiry?.Dispose();
        _expiry = RegisterGrainTimer(
            ExpireAsync,
            new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task ExpireAsync(CancellationToken cancellationToken)
    {
        await _changes.WaitAsync(cancellationToken);
        try
        {
            if (!_state.RecordExists || _ended)
            {
                return;
            }

            var left = _expiresAt - _time.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                ArmExpiry(left);
                return;
            }

            await EndAsync("expired");
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Ends the session: from now on it answers attaches with false; its row goes; every bound resource is told at once.</summary>
    private async Task EndAsync(string how)
    {
        _ended = true;
        _expiry?.Dispose();
        _expiry = null;
        try
        {
            await _state.ClearStateAsync();
        }
        catch (Exception ex)
        {
            // The resources are told anyway; a reactivation reads the row again and the session lives one more TTL.
            LogClearFailed(_logger, Id, ex);
            DeactivateOnIdle();
        }

        var bindings = _bindings.ToArray();
        _bindings.Clear();
        LogEnded(_logger, Id, how, bindings.Length);
        await Task.WhenAll(bindings.Select(NotifyAsync));
        DeactivateOnIdle();
    }

    private async Task NotifyAsync(SessionBinding binding)
    {
        try
        {
            await Bound(binding).SessionEndedAsync(Id);
        }
        catch (Exception ex)
        {
            // The resource finds the end out at its next refresh (AttachAsync answers false).
            LogNotifyFailed(_logger, Id, binding.Kind, binding.Name, ex);
        }
    }

    private ISessionBound Bound(SessionBinding binding) => binding.Kind switch
    {
        SessionBindingKind.Lock => GrainFactory.GetGrain<ILockGrain>(binding.Name),
        SessionBindingKind.Semaphore => GrainFactory.GetGrain<ISemaphoreGrain>(binding.Name),
        SessionBindingKind.Election => GrainFactory.GetGrain<IElectionGrain>(binding.Name),
        SessionBindingKind.KeyValue => GrainFactory.GetGrain<IKeyValueGrain>(binding.Name),
        SessionBindingKind.Service => GrainFactory.GetGrain<IServiceGrain>(binding.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(binding), binding.Kind, "Unknown session binding kind."),
    };

    [LoggerMessage(EventId = SessionEventIds.Created, Level = LogLevel.Debug, Message = "Session {SessionId} created: TTL {Ttl}, owner {Owner}.")]
    private static partial void LogCreated(ILogger logger, string sessionId, TimeSpan ttl, string? owner);

    [LoggerMessage(EventId = SessionEventIds.Ended, Level = LogLevel.Debug, Message = "Session {SessionId} {How}; telling {Bindings} bound resources.")]
    private static partial void LogEnded(ILogger logger, string sessionId, string how, int bindings);

    [LoggerMessage(EventId = SessionEventIds.NotifyFailed, Level = LogLevel.Warning, Message = "Session {SessionId} could not tell {Kind} {Name} its end; the resource finds out at its next refresh.")]
    private static partial void LogNotifyFailed(ILogger logger, string sessionId, SessionBindingKind kind, string name, Exception exception);

    [LoggerMessage(EventId = SessionEventIds.ClearFailed, Level = LogLevel.Warning, Message = "Session {SessionId} ended but its row could not be cleared.")]
    private static partial void LogClearFailed(ILogger logger, string sessionId, Exception exception);
}
