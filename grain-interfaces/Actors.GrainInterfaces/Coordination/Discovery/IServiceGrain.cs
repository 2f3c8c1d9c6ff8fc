using Actors.GrainInterfaces.Coordination.Sessions;

namespace Actors.GrainInterfaces.Coordination.Discovery;

/// <summary>
/// One service's instances (key = service name), Consul's catalog and health checks as a grain. An instance is bound to
/// a session (gone when it ends), or has a TTL check (critical unless passed within the TTL), or an HTTP check the grain
/// runs against a loopback URL (passing on a 2xx answer). Registrations are durable; health is observed anew after a
/// failover (checked instances start critical until their first pass).
/// </summary>
public interface IServiceGrain : ISessionBound, IGrainWithStringKey
{
    /// <summary>Registers or replaces an instance (by id). Unknown session → <see cref="ServiceRegistrationOutcome.SessionUnknown"/>.</summary>
    Task<ServiceRegistrationOutcome> RegisterAsync(ServiceRegistration registration);

    /// <summary>Removes an instance; false when it was not registered.</summary>
    Task<bool> DeregisterAsync(string instanceId);

    /// <summary>Marks a TTL-checked instance passing for its TTL from now; false when unknown or not TTL-checked.</summary>
    Task<bool> PassAsync(string instanceId);

    /// <summary>The instances (only passing ones when <paramref name="healthyOnly"/>).</summary>
    [ReadOnly]
    Task<ServiceSnapshot> GetAsync(bool healthyOnly);

    /// <summary>Waits until the service's version exceeds <paramref name="afterVersion"/> or <paramref name="maxWait"/> passes; answers the instances then.</summary>
    [AlwaysInterleave]
    Task<ServiceSnapshot> WatchAsync(long afterVersion, bool healthyOnly, TimeSpan maxWait);
}
