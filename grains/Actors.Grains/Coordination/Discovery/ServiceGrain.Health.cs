using System.Globalization;
using Actors.GrainInterfaces.Coordination.Discovery;
using Actors.Grains.Coordination.Sessions;
using Actors.Timers;

namespace Actors.Grains.Coordination.Discovery;

/// <summary>The timers: session re-binding, TTL and deregistration sweeps, HTTP probes. Each runs only while needed.</summary>
internal sealed partial class ServiceGrain
{
    private static readonly TimeSpan DefaultHttpInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DefaultHttpTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MinSweepPeriod = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxSweepPeriod = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, IGrainTimer> _probes = new(StringComparer.Ordinal);
    private IGrainTimer? _refreshTimer;
    private IGrainTimer? _sweepTimer;
    private TimeSpan _sweepPeriod;

    /// <summary>Starts the timers the instances need now and stops the others.</summary>
    private void UpdateTimers()
    {
        var needsRefresh = _instances.Values.Any(i => i.Registration.SessionId is not null);
        if (needsRefresh && _refreshTimer is null)
        {
            _refreshTimer = RegisterGrainTimer(RefreshSessionsAsync, Options(SessionTracker.RefreshPeriod, SessionTracker.RefreshPeriod));
        }
        else if (!needsRefresh && _refreshTimer is not null)
        {
            _refreshTimer.Dispose();
            _refreshTimer = null;
        }

        var sweepPeriod = SweepPeriod();
        if (sweepPeriod is { } period && (_sweepTimer is null || period != _sweepPeriod))
        {
            _sweepTimer?.Dispose();
            _sweepTimer = RegisterGrainTimer(SweepAsync, Options(period, period));
            _sweepPeriod = period;
        }
        else if (sweepPeriod is null && _sweepTimer is not null)
        {
            _sweepTimer.Dispose();
            _sweepTimer = null;
        }

        foreach (var instance in _instances.Values)
        {
            var id = instance.Registration.InstanceId;
            if (instance.Registration.Check?.HttpUrl is not null && !_probes.ContainsKey(id))
            {
                var interval = instance.Registration.Check.Interval ?? DefaultHttpInterval;
                _probes[id] = RegisterGrainTimer(ProbeAsync, id, Options(TimeSpan.Zero, interval));
            }
        }
    }

    private static GrainTimerCreationOptions Options(TimeSpan due, TimeSpan period) => new(due, period) { KeepAlive = true };

    private void StopProbe(string instanceId)
    {
        if (_probes.Remove(instanceId, out var timer))
        {
            timer.Dispose();
        }
    }

    /// <summary>A quarter of the shortest TTL or deregistration delay (250 ms to 1 s); null when nothing needs sweeping.</summary>
    private TimeSpan? SweepPeriod()
    {
        TimeSpan? shortest = null;
        foreach (var check in _instances.Values.Select(i => i.Registration.Check).OfType<HealthCheck>())
        {
            foreach (var span in new[] { check.Ttl, check.DeregisterAfter })
            {
                if (span is { } s && (shortest is null || s < shortest))
                {
                    shortest = s;
                }
            }
        }

        return shortest is { } value ? TimeSpan.FromTicks(Math.Clamp(value.Ticks / 4, MinSweepPeriod.Ticks, MaxSweepPeriod.Ticks)) : null;
    }

    private Task RefreshSessionsAsync(CancellationToken cancellationToken) => _changes.RunAsync(async () =>
    {
        foreach (var ended in await _sessions.RefreshAsync())
        {
            await RemoveSessionInstancesAsync(ended);
        }

        await RebindSessionsAsync();
        return true;
    });

    /// <summary>Binds to the sessions of instances not tracked yet (after a reactivation); removes those of ended sessions.</summary>
    private async Task RebindSessionsAsync()
    {
        var untracked = _instances.Values.Select(i => i.Registration.SessionId).OfType<string>()
            .Where(s => !_sessions.Sessions.Contains(s)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var sessionId in untracked)
        {
            bool alive;
            try
            {
                alive = await _sessions.AttachAsync(sessionId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The session's silo may be gone for a moment: ask again at the next refresh.
                LogSessionAttachFailed(_logger, Service, sessionId, ex);
                continue;
            }

            if (!alive)
            {
                await RemoveSessionInstancesAsync(sessionId);
            }
        }
    }

    /// <summary>Marks lapsed TTL checks critical and removes instances critical longer than their DeregisterAfter.</summary>
    private Task SweepAsync(CancellationToken cancellationToken) => _changes.RunAsync(async () =>
    {
        var now = _clock.GetUtcNow();
        var changed = false;
        var expired = new List<string>();
        foreach (var instance in _instances.Values)
        {
            var check = instance.Registration.Check;
            if (check?.Ttl is { } ttl && instance.Status == HealthStatus.Passing && instance.LastPass + ttl <= now)
            {
                var output = string.Create(CultureInfo.InvariantCulture, $"TTL of {ttl.TotalSeconds:0.###} s lapsed without a pass.");
                changed |= instance.Set(HealthStatus.Critical, output, now);
                LogStatusChanged(_logger, Service, instance.Registration.InstanceId, HealthStatus.Critical, output);
            }

            if (check?.DeregisterAfter is { } after && instance.Status == HealthStatus.Critical && now - instance.StatusSince >= after)
            {
                expired.Add(instance.Registration.InstanceId);
                LogCriticalInstanceRemoved(_logger, Service, instance.Registration.InstanceId, after.TotalSeconds);
            }
        }

        if (!await RemoveAsync(expired) && changed)
        {
            await CommitAsync();
        }

        return true;
    });

    private async Task ProbeAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!_instances.TryGetValue(instanceId, out var probed) || probed.Registration.Check is not { HttpUrl: { } url } check)
        {
            return;
        }

        var interval = check.Interval ?? DefaultHttpInterval;
        var timeout = check.Timeout ?? (interval < DefaultHttpTimeout ? interval : DefaultHttpTimeout);
        var (passing, output) = await LoopbackHttpProbe.ProbeAsync(url, timeout, cancellationToken);
        await _changes.RunAsync(async () =>
        {
            // The instance may have been replaced or removed while the probe ran: its answer no longer applies.
            if (!_instances.TryGetValue(instanceId, out var current) || !ReferenceEquals(current, probed))
            {
                return false;
            }

            var status = passing ? HealthStatus.Passing : HealthStatus.Critical;
            if (current.Set(status, output, _clock.GetUtcNow()))
            {
                LogStatusChanged(_logger, Service, instanceId, status, output);
                await CommitAsync();
            }

            return true;
        });
    }
}
