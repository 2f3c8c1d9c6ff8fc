using Actors.GrainInterfaces.Coordination.Discovery;
using Actors.GrainInterfaces.Coordination.Sessions;
using Actors.Grains.Concurrency;
using Actors.Grains.Coordination.Sessions;
using Actors.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Coordination.Discovery;

/// <summary>
/// One service's instances (key = service name): Consul's catalog and health checks. Registrations and the version
/// are persisted before a change is answered; health lives in memory and is observed anew after a reactivation
/// (checked instances start critical). Reentrant so that watchers never hold the grain; changes take
/// <see cref="_changes"/> one at a time. Timers run only while instances need them (sessions, TTLs, HTTP probes).
/// </summary>
[Reentrant]
internal sealed partial class ServiceGrain : Grain, IServiceGrain, IDisposable
{
    private const string NotCheckedYet = "Not checked yet.";
    private static readonly TimeSpan MaxWatch = TimeSpan.FromMinutes(5);

    private readonly IPersistentState<ServiceGrainState> _state;
    private readonly TimeProvider _time;
    private readonly TimeProvider _clock;
    private readonly ILogger<ServiceGrain> _logger;
    private readonly ChangeGate _changes = new();
    private readonly SortedDictionary<string, InstanceHealth> _instances = new(StringComparer.Ordinal);
    private SessionTracker _sessions = null!;
    private long _version;
    private TaskCompletionSource _changed = NewSignal();

    public ServiceGrain(
        [PersistentState("service")] IPersistentState<ServiceGrainState> state,
        TimeProvider time,
        IOptions<ServiceDiscoveryOptions> options,
        ILogger<ServiceGrain> logger)
    {
        _state = state;
        _time = time;
        _clock = options.Value.Clock ?? time;
        _logger = logger;
    }

    private string Service => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _sessions = new SessionTracker(GrainFactory, new SessionBinding(SessionBindingKind.Service, Service));
        var now = _clock.GetUtcNow();
        foreach (var registration in _state.State.Instances)
        {
            _instances[registration.InstanceId] = InstanceHealth.Initial(registration, now, "Not checked since the service's grain was activated.");
        }

        // The reactivation is itself a change (checked instances are critical again).
        _version = _state.State.Version + (_state.RecordExists ? 1 : 0);
        if (_instances.Values.Any(i => i.Registration.SessionId is not null))
        {
            await _changes.RunAsync(RebindSessionsAsync).WaitAsync(cancellationToken);
        }

        UpdateTimers();
    }

    /// <inheritdoc />
    public Task<ServiceRegistrationOutcome> RegisterAsync(ServiceRegistration registration)
    {
        ServiceRegistrationValidator.ValidateName(Service, "service");
        ServiceRegistrationValidator.Validate(registration);
        return _changes.RunAsync(() => RegisterCoreAsync(registration));
    }

    private async Task<ServiceRegistrationOutcome> RegisterCoreAsync(ServiceRegistration registration)
    {
        if (registration.SessionId is { } sessionId && !await _sessions.AttachAsync(sessionId))
        {
            return ServiceRegistrationOutcome.SessionUnknown;
        }

        var replaced = _instances.TryGetValue(registration.InstanceId, out var previous);
        _instances[registration.InstanceId] = InstanceHealth.Initial(registration, _clock.GetUtcNow(), NotCheckedYet);
        await CommitAsync();
        if (previous?.Registration.SessionId is { } oldSession)
        {
            ForgetIfUnused(oldSession);
        }

        StopProbe(registration.InstanceId);
        UpdateTimers();
        LogRegistered(_logger, Service, registration.InstanceId, replaced);
        return replaced ? ServiceRegistrationOutcome.Updated : ServiceRegistrationOutcome.Registered;
    }

    /// <inheritdoc />
    public Task<bool> DeregisterAsync(string instanceId)
    {
        ServiceRegistrationValidator.ValidateName(instanceId, "instanceId");
        return _changes.RunAsync(async () =>
        {
            if (!await RemoveAsync([instanceId]))
            {
                return false;
            }

            LogDeregistered(_logger, Service, instanceId);
            return true;
        });
    }

    /// <inheritdoc />
    public Task<bool> PassAsync(string instanceId)
    {
        ServiceRegistrationValidator.ValidateName(instanceId, "instanceId");
        return _changes.RunAsync(async () =>
        {
            if (!_instances.TryGetValue(instanceId, out var instance) || instance.Registration.Check?.Ttl is null)
            {
                return false;
            }

            var now = _clock.GetUtcNow();
            instance.LastPass = now;
            if (instance.Set(HealthStatus.Passing, "TTL check passed.", now))
            {
                LogStatusChanged(_logger, Service, instanceId, HealthStatus.Passing, instance.Output);
                await CommitAsync();
            }

            return true;
        });
    }

    /// <inheritdoc />
    public Task<ServiceSnapshot> GetAsync(bool healthyOnly)
    {
        ServiceRegistrationValidator.ValidateName(Service, "service");
        if (_instances.Count == 0 && !_state.RecordExists)
        {
            // Nothing to keep in memory for an unknown service.
            DeactivateOnIdle();
        }

        return Task.FromResult(Snapshot(healthyOnly));
    }

    /// <inheritdoc />
    public async Task<ServiceSnapshot> WatchAsync(long afterVersion, bool healthyOnly, TimeSpan maxWait)
    {
        ServiceRegistrationValidator.ValidateName(Service, "service");
        if (_version > afterVersion || maxWait <= TimeSpan.Zero)
        {
            return Snapshot(healthyOnly);
        }

        var changed = _changed.Task;
        using var timeout = new CancellationTokenSource(maxWait > MaxWatch ? MaxWatch : maxWait, _time);
        await Task.WhenAny(changed, Task.Delay(Timeout.InfiniteTimeSpan, _time, timeout.Token));
        return Snapshot(healthyOnly);
    }

    /// <inheritdoc />
    public Task SessionEndedAsync(string sessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        return _changes.RunAsync(async () =>
        {
            _sessions.Ended(sessionId);
            await RemoveSessionInstancesAsync(sessionId);
            return true;
        });
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _refreshTimer?.Dispose();
        _sweepTimer?.Dispose();
        foreach (var probe in _probes.Values)
        {
            probe.Dispose();
        }

        _changes.Dispose();
    }

    private ServiceSnapshot Snapshot(bool healthyOnly) => new(
        Service,
        [.. _instances.Values.Where(i => !healthyOnly || i.Status == HealthStatus.Passing).Select(i => i.ToInstance())],
        _version);

    private async Task RemoveSessionInstancesAsync(string sessionId)
    {
        var ids = _instances.Values.Where(i => i.Registration.SessionId == sessionId).Select(i => i.Registration.InstanceId).ToList();
        if (await RemoveAsync(ids))
        {
            LogSessionInstancesRemoved(_logger, Service, sessionId, ids.Count);
        }
    }

    /// <summary>Removes instances (inside a change); false when none of them was registered.</summary>
    private async Task<bool> RemoveAsync(IReadOnlyList<string> instanceIds)
    {
        var removed = new List<InstanceHealth>();
        foreach (var id in instanceIds)
        {
            if (_instances.Remove(id, out var instance))
            {
                removed.Add(instance);
                StopProbe(id);
            }
        }

        if (removed.Count == 0)
        {
            return false;
        }

        await CommitAsync();
        foreach (var session in removed.Select(i => i.Registration.SessionId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            ForgetIfUnused(session);
        }

        UpdateTimers();
        return true;
    }

    private void ForgetIfUnused(string sessionId)
    {
        if (!_instances.Values.Any(i => i.Registration.SessionId == sessionId))
        {
            _sessions.Forget(sessionId);
        }
    }

    /// <summary>A change happened: the next version is persisted with the registrations, then watchers wake.</summary>
    private async Task CommitAsync()
    {
        var next = _version + 1;
        _state.State = new ServiceGrainState { Instances = [.. _instances.Values.Select(i => i.Registration)], Version = next };
        try
        {
            // Written even when no instance is left: the stored version lets a later registration continue it.
            await _state.WriteStateAsync();
        }
        catch (InconsistentStateException ex)
        {
            // Another activation wrote meanwhile: this one's view is stale and must not answer from it.
            LogStateConflict(_logger, Service, ex);
            DeactivateOnIdle();
            throw;
        }

        _version = next;
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
