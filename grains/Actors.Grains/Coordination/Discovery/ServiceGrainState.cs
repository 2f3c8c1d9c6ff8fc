using Actors.GrainInterfaces.Coordination.Discovery;

namespace Actors.Grains.Coordination.Discovery;

/// <summary>What a service grain persists: its registrations and the version of its last change (health is not persisted).</summary>
internal sealed class ServiceGrainState
{
    /// <summary>The registered instances.</summary>
    public List<ServiceRegistration> Instances { get; set; } = [];

    /// <summary>The service's version at the last write.</summary>
    public long Version { get; set; }
}
