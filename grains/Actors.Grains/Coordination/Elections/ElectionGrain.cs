using Actors.GrainInterfaces.Coordination.Elections;
using Actors.GrainInterfaces.Coordination.Sessions;
using Actors.Grains.Concurrency;
using Actors.Grains.Coordination.Locks;
using Actors.Grains.Coordination.Sessions;
using Actors.Persistence;
using Actors.Timers;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Coordination.Elections;

/// <summary>
/// One named election (key = name), etcd's recipe: candidates are elected in the order they came; every new leader
/// gets a term above all earlier ones, persisted before anyone is told; the leader resigns or proclaims; its session's
/// end elects the next candidate at once. Reentrant: campaigns and observers wait outside the grain's turn, and every
/// change takes <see cref="_changes"/>.
/// </summary>
[Reentrant]
internal sealed partial class ElectionGrain : Grain, IElectionGrain, IDisposable
{
    private static readonly TimeSpan MaxObserve = TimeSpan.FromMinutes(5);

    private readonly IPersistentState<ElectionGrainState> _state;
    private readonly TimeProvider _time;
    private readonly ILogger<ElectionGrain> _logger;
    private readonly ChangeGate _changes = new();
    private readonly WaiterQueue<Candidate, CampaignResult> _candidates = new();
    private TaskCompletionSource _changed = NewSignal();
    private SessionTracker? _sessions;
    private IGrainTimer? _refreshTimer;

    public ElectionGrain([PersistentState("election")] IPersistentState<ElectionGrainState> state, TimeProvider time, ILogger<ElectionGrain> logger)
    {
        _state = state;
        _time = time;
        _logger = logger;
    }

    private string Name => this.GetPrimaryKeyString();

    private ElectionGrainState State => _state.State;

    private SessionTracker Sessions => _sessions ??= new SessionTracker(GrainFactory, new SessionBinding(SessionBindingKind.Election, Name));

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        EnsureRefreshing();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _candidates.FailAll(new InvalidOperationException($"Election '{Name}' deactivated while the campaign waited; retry."));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<CampaignResult> CampaignAsync(string sessionId, string value, TimeSpan wait)
    {
        CoordinationArguments.Name(Name, "election name");
        CoordinationArguments.Name(sessionId, "session id");
        CoordinationArguments.Wait(wait);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > CoordinationArguments.MaxValueLength)
        {
            throw new ArgumentException($"The value is {value.Length} characters long; at most {CoordinationArguments.MaxValueLength} are allowed.", nameof(value));
        }

        var queued = await _changes.RunAsync(() => ElectOrQueueAsync(new Candidate(sessionId, value), wait));
        return queued.Result ?? await WaiterQueue<Candidate, CampaignResult>.WaitAsync(queued.Waiter!, wait, _time, WithdrawAsync);
    }

    /// <inheritdoc />
    public Task<bool> ResignAsync(string sessionId, long term)
    {
        CoordinationArguments.Name(sessionId, "session id");
        return _changes.RunAsync(async () =>
        {
            var withdrawn = _candidates.CompleteWhere(
                c => c.SessionId == sessionId,
                new CampaignResult(CampaignOutcome.TimedOut, null, "The candidacy was resigned."));
            if (State.Leader is not { } leader || leader.SessionId != sessionId || leader.Term != term)
            {
                ForgetIfIdle(sessionId);
                return withdrawn > 0;
            }

            State.Leader = null;
            State.Version++;
            var elected = ElectNext();
            await PersistAsync();
            LogResigned(_logger, Name, sessionId, term);
            ForgetIfIdle(sessionId);
            Announce(elected);
            return true;
        });
    }

    /// <inheritdoc />
    public Task<bool> ProclaimAsync(string sessionId, long term, string value)
    {
        CoordinationArguments.Name(sessionId, "session id");
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > CoordinationArguments.MaxValueLength)
        {
            throw new ArgumentException($"The value is {value.Length} characters long; at most {CoordinationArguments.MaxValueLength} are allowed.", nameof(value));
        }

        return _changes.RunAsync(async () =>
        {
            if (State.Leader is not { } leader || leader.SessionId != sessionId || leader.Term != term)
            {
                return false;
            }

            State.Leader = leader with { Value = value };
            State.Version++;
            await PersistAsync();
            Announce(null);
            return true;
        });
    }

    /// <inheritdoc />
    public Task<ElectionState> GetAsync() => Task.FromResult(Snapshot());

    /// <inheritdoc />
    public async Task<ElectionState> ObserveAsync(long afterVersion, TimeSpan maxWait)
    {
        var wait = maxWait > MaxObserve ? MaxObserve : maxWait;
        var deadline = _time.GetUtcNow() + wait;
        while (State.Version <= afterVersion)
        {
            var left = deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            using var stop = new CancellationTokenSource();
            var changed = _changed.Task;
            var first = await Task.WhenAny(changed, Task.Delay(left, _time, stop.Token));
            await stop.CancelAsync();
            if (first != changed)
            {
                break;
            }
        }

        return Snapshot();
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
        _changes.Dispose();
    }

    private ElectionState Snapshot() => new(Name, State.Leader, [.. _candidates.InOrder.Select(c => c.Request.SessionId)], State.Version);

    private async Task<(CampaignResult? Result, WaiterQueue<Candidate, CampaignResult>.Waiter? Waiter)> ElectOrQueueAsync(Candidate candidate, TimeSpan wait)
    {
        if (!await Sessions.AttachAsync(candidate.SessionId))
        {
            return (new CampaignResult(CampaignOutcome.SessionUnknown, null, $"Session '{candidate.SessionId}' is unknown or has ended."), null);
        }

        EnsureRefreshing();
        if (State.Leader is { } leader && leader.SessionId == candidate.SessionId)
        {
            // A repeated campaign of the leader's session (a retry after a lost answer) gets its leadership.
            return (new CampaignResult(CampaignOutcome.Elected, leader, null), null);
        }

        if (State.Leader is null && _candidates.Count == 0)
        {
            var won = NewTerm(candidate);
            await PersistAsync();
            Announce(null);
            return (new CampaignResult(CampaignOutcome.Elected, won, null), null);
        }

        if (wait <= TimeSpan.Zero || _candidates.Count >= GrainInterfaces.Coordination.Locks.LockLimits.MaxWaiters)
        {
            ForgetIfIdle(candidate.SessionId);
            var detail = wait <= TimeSpan.Zero ? $"Election '{Name}' has a leader." : $"Election '{Name}' has too many candidates; try again later.";
            return (new CampaignResult(CampaignOutcome.TimedOut, null, detail), null);
        }

        return (null, _candidates.Enqueue(candidate, _time.GetUtcNow()));
    }

    private Task<CampaignResult> WithdrawAsync(WaiterQueue<Candidate, CampaignResult>.Waiter waiter) => _changes.RunAsync(async () =>
    {
        if (waiter.Result.IsCompleted)
        {
            return await waiter.Result;
        }

        var timedOut = new CampaignResult(CampaignOutcome.TimedOut, null, "Not elected within the wait; the candidacy was withdrawn.");
        _candidates.Complete(waiter, timedOut);
        ForgetIfIdle(waiter.Request.SessionId);
        return timedOut;
    });

    private async Task EndSessionsAsync(IReadOnlyCollection<string> sessionIds)
    {
        var ended = sessionIds.ToHashSet(StringComparer.Ordinal);
        foreach (var id in ended)
        {
            Sessions.Ended(id);
        }

        _candidates.CompleteWhere(
            c => ended.Contains(c.SessionId),
            new CampaignResult(CampaignOutcome.SessionUnknown, null, "The session ended while campaigning."));
        if (State.Leader is not { } leader || !ended.Contains(leader.SessionId))
        {
            return;
        }

        State.Leader = null;
        State.Version++;
        var elected = ElectNext();
        await PersistAsync();
        LogLeaderSessionEnded(_logger, Name, leader.SessionId, leader.Term);
        Announce(elected);
    }

    /// <summary>Elects the first candidate when nobody leads (in memory; the caller persists, then announces).</summary>
    private (WaiterQueue<Candidate, CampaignResult>.Waiter Waiter, LeaderInfo Leader)? ElectNext()
    {
        if (State.Leader is not null || _candidates.InOrder is not [var first, ..])
        {
            return null;
        }

        return (first, NewTerm(first.Request));
    }

    private LeaderInfo NewTerm(Candidate candidate)
    {
        var leader = new LeaderInfo(++State.LastTerm, candidate.SessionId, candidate.Value, _time.GetUtcNow());
        State.Leader = leader;
        State.Version++;
        LogElected(_logger, Name, candidate.SessionId, leader.Term);
        return leader;
    }

    /// <summary>After a persisted change: answers the elected candidate, if any, and wakes observers.</summary>
    private void Announce((WaiterQueue<Candidate, CampaignResult>.Waiter Waiter, LeaderInfo Leader)? elected)
    {
        if (elected is { } e)
        {
            _candidates.Complete(e.Waiter, new CampaignResult(CampaignOutcome.Elected, e.Leader, null));
        }

        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private async Task PersistAsync()
    {
        try
        {
            await _state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            LogPersistFailed(_logger, Name, ex);
            DeactivateOnIdle();
            throw;
        }
    }

    private void ForgetIfIdle(string sessionId)
    {
        if (State.Leader?.SessionId != sessionId && !_candidates.Any(c => c.SessionId == sessionId))
        {
            Sessions.Forget(sessionId);
        }
    }

    private void EnsureRefreshing()
    {
        if (_refreshTimer is null && (Sessions.Any || State.Leader is not null))
        {
            _refreshTimer = RegisterGrainTimer(
                RefreshAsync,
                new GrainTimerCreationOptions(SessionTracker.RefreshPeriod, SessionTracker.RefreshPeriod) { KeepAlive = true });
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var ended = new List<string>(await Sessions.RefreshAsync());
            if (State.Leader is { } leader && !Sessions.Sessions.Contains(leader.SessionId) && !ended.Contains(leader.SessionId)
                && !await Sessions.AttachAsync(leader.SessionId))
            {
                // A leader loaded from storage whose session ended meanwhile.
                ended.Add(leader.SessionId);
            }

            if (ended.Count > 0)
            {
                await _changes.RunAsync(() => EndSessionsAsync(ended));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(_logger, Name, ex);
        }

        if (!Sessions.Any && State.Leader is null && _candidates.Count == 0)
        {
            _refreshTimer?.Dispose();
            _refreshTimer = null;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(EventId = ElectionEventIds.Elected, Level = LogLevel.Information, Message = "Election {Name}: session {SessionId} leads in term {Term}.")]
    private static partial void LogElected(ILogger logger, string name, string sessionId, long term);

    [LoggerMessage(EventId = ElectionEventIds.Resigned, Level = LogLevel.Information, Message = "Election {Name}: session {SessionId} resigned term {Term}.")]
    private static partial void LogResigned(ILogger logger, string name, string sessionId, long term);

    [LoggerMessage(EventId = ElectionEventIds.LeaderSessionEnded, Level = LogLevel.Information, Message = "Election {Name}: the session {SessionId} of term {Term} ended; the leadership is released.")]
    private static partial void LogLeaderSessionEnded(ILogger logger, string name, string sessionId, long term);

    [LoggerMessage(EventId = ElectionEventIds.PersistFailed, Level = LogLevel.Warning, Message = "Election {Name} could not persist a change; the activation ends and the next one reads the stored state.")]
    private static partial void LogPersistFailed(ILogger logger, string name, Exception exception);

    [LoggerMessage(EventId = ElectionEventIds.RefreshFailed, Level = LogLevel.Warning, Message = "Election {Name} could not refresh its session bindings; it tries again.")]
    private static partial void LogRefreshFailed(ILogger logger, string name, Exception exception);
}
