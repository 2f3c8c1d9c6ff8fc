using Actors.Runtime.Activations;
using Actors.Runtime.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Runtime.Membership;

/// <summary>
/// This silo's part in the membership protocol: it joins (Joining, a connectivity check, then Active), writes
/// heartbeats, re-reads the table, declares silos dead (on votes from probes, or on stale heartbeats), leaves
/// gracefully (ShuttingDown, then Dead after its activations are handed back), and stops itself when it reads
/// that the cluster declared it dead. Every status change is a compare-and-set on the table version.
/// </summary>
internal sealed partial class MembershipAgent : ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private readonly IMembershipTable _table;
    private readonly ClusterMembershipService _membership;
    private readonly ILocalSiloDetails _local;
    private readonly GrainClassRegistry _classes;
    private readonly IRuntimeStatistics _statistics;
    private readonly ISiloProber _prober;
    private readonly ISiloFatalErrorHandler _fatal;
    private readonly IMembershipGossip _gossip;
    private readonly TimeProvider _time;
    private readonly ClusterMembershipOptions _options;
    private readonly ILogger<MembershipAgent> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private long _tableHealthySinceTimestamp;
    private bool _tableFailing;
    private long _lastCleanupTimestamp;

    public MembershipAgent(
        IMembershipTable table,
        ClusterMembershipService membership,
        ILocalSiloDetails local,
        GrainClassRegistry classes,
        IRuntimeStatistics statistics,
        ISiloProber prober,
        ISiloFatalErrorHandler fatal,
        IMembershipGossip gossip,
        TimeProvider time,
        IOptions<ClusterMembershipOptions> options,
        ILogger<MembershipAgent> logger)
    {
        _table = table;
        _membership = membership;
        _local = local;
        _classes = classes;
        _statistics = statistics;
        _prober = prober;
        _fatal = fatal;
        _gossip = gossip;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _tableHealthySinceTimestamp = time.GetTimestamp();
        _lastCleanupTimestamp = time.GetTimestamp();
    }

    private SiloAddress Me => _local.SiloAddress;

    public void Participate(ISiloLifecycle lifecycle)
    {
        lifecycle.Subscribe("MembershipJoin", SiloLifecycleStage.Membership, JoinAsync, BeginShutdownAsync);
        lifecycle.Subscribe("MembershipLeave", SiloLifecycleStage.MembershipLeave, static _ => Task.CompletedTask, LeaveAsync);
    }

    /// <summary>Votes that <paramref name="suspect"/> is dead; declares it dead when the votes suffice.</summary>
    public async Task SuspectAsync(SiloAddress suspect, string evidence, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var changed = await TryChangeAsync(
            snapshot =>
            {
                if (snapshot.Find(suspect) is not { Entry.IsAlive: true } row || snapshot.Find(Me) is not { Entry.Status: SiloStatus.Active })
                {
                    return null;
                }

                var votes = row.Entry.Suspicions
                    .Where(v => !v.Voter.Equals(Me) && now - v.Time < _options.VoteExpiration)
                    .Append(new SuspicionVote(Me, now))
                    .ToList();
                var possibleVoters = snapshot.Rows.Count(r => r.Entry.Status == SiloStatus.Active && !r.Entry.Silo.Equals(suspect));
                var required = Math.Max(1, Math.Min(_options.VotesForDeathDeclaration, possibleVoters));
                var status = votes.Count >= required ? SiloStatus.Dead : row.Entry.Status;
                return (row with { Entry = row.Entry with { Suspicions = votes, Status = status } }, status == SiloStatus.Dead ? $"dead ({votes.Count}/{required} votes)" : $"suspected ({votes.Count}/{required} votes)");
            },
            cancellationToken).ConfigureAwait(false);
        if (changed is { } outcome)
        {
            Log.Suspected(_logger, suspect, outcome, evidence);
        }
    }

    /// <summary>Another silo changed the table: read it now (see <see cref="IMembershipGossip"/>).</summary>
    public void OnGossip()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _ = RefreshOnGossipAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopLoopsAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task JoinAsync(CancellationToken cancellationToken)
    {
        Log.Joining(_logger, Me, _local.ClusterId);
        await _table.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var me = new MembershipEntry(
            Me,
            Environment.MachineName,
            _local.NodeName,
            _local.GatewayPort,
            SiloStatus.Joining,
            now,
            now,
            [],
            [.. _classes.Classes.Select(c => c.GrainType.Value).Order(StringComparer.Ordinal)],
            0);

        // A process restarted on the same endpoint is a new generation: the old one is certainly gone.
        await SupersedeOlderGenerationsAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var snapshot = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            if (await _table.InsertRowAsync(me, snapshot.Version, cancellationToken).ConfigureAwait(false))
            {
                _gossip.Announce(_membership.CurrentView);
                break;
            }
        }

        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        await CheckConnectivityAsync(cancellationToken).ConfigureAwait(false);
        await ChangeMyStatusAsync(SiloStatus.Active, cancellationToken).ConfigureAwait(false);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        Log.Joined(_logger, Me, _membership.CurrentView.ActiveSilos.Count);

        _loops.Add(RunPeriodicallyAsync(_options.IAmAlivePeriod, HeartbeatAsync));
        _loops.Add(RunPeriodicallyAsync(_options.TableRefreshPeriod, RefreshAndCheckAsync));
    }

    private async Task BeginShutdownAsync(CancellationToken cancellationToken)
    {
        // Other silos stop placing activations here once they read ShuttingDown; this silo forwards what still arrives.
        if (_membership.CurrentView.GetStatus(Me) == SiloStatus.Active)
        {
            await ChangeMyStatusAsync(SiloStatus.ShuttingDown, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task LeaveAsync(CancellationToken cancellationToken)
    {
        await StopLoopsAsync().ConfigureAwait(false);
        if (_membership.CurrentView.GetStatus(Me) is SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown)
        {
            await ChangeMyStatusAsync(SiloStatus.Dead, cancellationToken).ConfigureAwait(false);

            // Peers learn of the leave by gossip, at the latest at their next table read; until then they may still
            // send here, and this silo (its network still open) forwards those calls to where the grains are now.
            await Task.Delay(_options.TableRefreshPeriod, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StopLoopsAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_loops).ConfigureAwait(false);
        _loops.Clear();
    }

    private async Task SupersedeOlderGenerationsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var snapshot = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            var older = snapshot.Rows.FirstOrDefault(r => r.Entry.IsAlive && Me.IsSuccessorOf(r.Entry.Silo));
            if (older is null)
            {
                return;
            }

            if (await _table.UpdateRowAsync(older.Entry with { Status = SiloStatus.Dead }, older.ETag, snapshot.Version, cancellationToken).ConfigureAwait(false))
            {
                Log.Superseded(_logger, older.Entry.Silo, Me);
            }
        }
    }

    /// <summary>
    /// A joining silo must reach every active silo that still writes heartbeats: joining a cluster it cannot talk
    /// to would split it. Silos whose heartbeats are or become stale are left to the death-declaration rules.
    /// </summary>
    private async Task CheckConnectivityAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var others = _membership.CurrentView.Entries
            .Where(e => e.Status == SiloStatus.Active && !e.Silo.Equals(Me) && now - e.IAmAliveTime < _options.StaleIAmAliveTimeout)
            .Select(e => e.Silo)
            .ToList();
        var deadline = _time.GetTimestamp() + (long)(_options.JoinTimeout.TotalSeconds * _time.TimestampFrequency);
        foreach (var silo in others)
        {
            while (!await _prober.ProbeAsync(silo, _options.ProbeTimeout, cancellationToken).ConfigureAwait(false))
            {
                // Gone meanwhile, or stopped writing heartbeats while we waited (it crashed just before we joined):
                // the death-declaration rules deal with it once this silo is active.
                if (_membership.CurrentView.Find(silo) is not { Status: SiloStatus.Active } entry || _time.GetUtcNow() - entry.IAmAliveTime >= _options.StaleIAmAliveTimeout)
                {
                    break;
                }

                if (_time.GetTimestamp() > deadline)
                {
                    Log.Unreachable(_logger, silo);
                    throw new MembershipJoinException(
                        $"Silo {Me} cannot reach active silo {silo} within {_options.JoinTimeout}; joining would split the cluster. " +
                        "Check that the silo endpoints are reachable from here (Actors:Silo:AdvertisedAddress, SiloPort).");
                }

                await Task.Delay(_options.ProbePeriod, _time, cancellationToken).ConfigureAwait(false);
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ChangeMyStatusAsync(SiloStatus status, CancellationToken cancellationToken)
    {
        var changed = await TryChangeAsync(
            snapshot => snapshot.Find(Me) is { } row && row.Entry.IsAlive && row.Entry.Status != status
                ? (row with { Entry = row.Entry with { Status = status, IAmAliveTime = _time.GetUtcNow() } }, status.ToString())
                : null,
            cancellationToken).ConfigureAwait(false);
        if (changed is not null)
        {
            Log.StatusChanged(_logger, Me, status);
        }
        else if (status != SiloStatus.Dead && _membership.CurrentView.GetStatus(Me) == SiloStatus.Dead)
        {
            throw new MembershipJoinException($"Silo {Me} was declared dead while it was changing its status to {status}.");
        }
    }

    /// <summary>
    /// Reads, decides and writes with the version read, until the write holds or the decision is "nothing to do".
    /// Returns the decision's description when a write held.
    /// </summary>
    private async Task<string?> TryChangeAsync(Func<MembershipTableSnapshot, (MembershipRow Row, string Description)?> decide, CancellationToken cancellationToken)
    {
        while (true)
        {
            var snapshot = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            _membership.Update(snapshot);
            if (decide(snapshot) is not { } change)
            {
                return null;
            }

            if (await _table.UpdateRowAsync(change.Row.Entry, change.Row.ETag, snapshot.Version, cancellationToken).ConfigureAwait(false))
            {
                var before = _membership.CurrentView;
                _membership.Update(await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false));

                // The silos alive before the change hear of it (a silo just declared dead learns it by itself).
                _gossip.Announce(before);
                return change.Description;
            }
        }
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        await _table.UpdateIAmAliveAsync(Me, _time.GetUtcNow(), _statistics.ActivationCount, cancellationToken).ConfigureAwait(false);
    }

    private async Task RefreshOnGossipAsync()
    {
        try
        {
            await RefreshAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.TableFailed(_logger, nameof(OnGossip), ex);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken) =>
        _membership.Update(await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false));

    private async Task RefreshAndCheckAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        _membership.Update(snapshot);
        var mine = snapshot.Find(Me)?.Entry;
        if (mine is null || mine.Status == SiloStatus.Dead)
        {
            _fatal.OnFatalError(mine is null
                ? $"the membership table has no row for silo {Me} any more"
                : $"the cluster declared silo {Me} dead (votes: {string.Join(", ", mine.Suspicions.Select(v => v.Voter))})");
            return;
        }

        await DeclareStaleSilosDeadAsync(snapshot, cancellationToken).ConfigureAwait(false);
        if (_time.GetElapsedTime(_lastCleanupTimestamp) > TimeSpan.FromMinutes(10))
        {
            _lastCleanupTimestamp = _time.GetTimestamp();
            var removed = await _table.CleanupDefunctEntriesAsync(_time.GetUtcNow() - _options.DefunctSiloExpiration, cancellationToken).ConfigureAwait(false);
            if (removed > 0)
            {
                Log.Cleaned(_logger, removed);
            }
        }
    }

    /// <summary>
    /// A heartbeat older than the stale timeout is durable evidence of death. Staleness is counted from when the
    /// table last became reachable, so an outage of the table itself (nobody could write) kills nobody.
    /// </summary>
    private async Task DeclareStaleSilosDeadAsync(MembershipTableSnapshot snapshot, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var healthyFor = _time.GetElapsedTime(Volatile.Read(ref _tableHealthySinceTimestamp));
        if (healthyFor < _options.StaleIAmAliveTimeout)
        {
            return;
        }

        foreach (var stale in snapshot.Rows.Where(r => r.Entry.IsAlive && !r.Entry.Silo.Equals(Me) && now - r.Entry.IAmAliveTime > _options.StaleIAmAliveTimeout))
        {
            var silo = stale.Entry.Silo;
            var changed = await TryChangeAsync(
                s => s.Find(silo) is { Entry.IsAlive: true } row && now - row.Entry.IAmAliveTime > _options.StaleIAmAliveTimeout
                    ? (row with { Entry = row.Entry with { Status = SiloStatus.Dead } }, "dead (stale heartbeat)")
                    : null,
                cancellationToken).ConfigureAwait(false);
            if (changed is not null)
            {
                Log.StaleHeartbeat(_logger, silo, now - stale.Entry.IAmAliveTime);
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> every <paramref name="period"/> until the silo stops; failures are logged and retried next period.</summary>
    private async Task RunPeriodicallyAsync(TimeSpan period, Func<CancellationToken, Task> action)
    {
        using var timer = new PeriodicTimer(period, _time);
        var token = _stopping.Token;
        try
        {
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                try
                {
                    await action(token).ConfigureAwait(false);
                    if (_tableFailing)
                    {
                        _tableFailing = false;
                        Volatile.Write(ref _tableHealthySinceTimestamp, _time.GetTimestamp());
                    }
                }
                catch (Exception ex) when (!token.IsCancellationRequested)
                {
                    _tableFailing = true;
                    Log.TableFailed(_logger, action.Method.Name, ex);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }
}
