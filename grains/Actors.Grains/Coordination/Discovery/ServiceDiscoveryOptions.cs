namespace Actors.Grains.Coordination.Discovery;

/// <summary>Settings of the service discovery grains (<c>IServiceGrain</c>); internal: only tests set them.</summary>
internal sealed class ServiceDiscoveryOptions
{
    /// <summary>
    /// The clock health is judged by (TTL lapses, critical durations, status times); null uses the silo's
    /// <see cref="TimeProvider"/>. Tests set a manual clock here without slowing the runtime's own timers.
    /// </summary>
    public TimeProvider? Clock { get; set; }
}
