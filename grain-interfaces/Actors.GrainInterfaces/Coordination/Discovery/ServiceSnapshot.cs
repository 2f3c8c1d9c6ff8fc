namespace Actors.GrainInterfaces.Coordination.Discovery;

/// <summary>A service's instances at one version.</summary>
/// <param name="Service">The service name.</param>
/// <param name="Instances">The instances (filtered as asked), by id.</param>
/// <param name="Version">Grows with every change of an instance or of its health.</param>
public sealed record ServiceSnapshot(string Service, IReadOnlyList<ServiceInstance> Instances, long Version);
