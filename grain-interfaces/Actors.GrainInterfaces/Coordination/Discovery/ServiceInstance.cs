namespace Actors.GrainInterfaces.Coordination.Discovery;

/// <summary>A registered instance and its health.</summary>
/// <param name="Registration">As registered.</param>
/// <param name="Status">Passing or critical.</param>
/// <param name="Output">The last check's result in words (HTTP status, error), if any.</param>
/// <param name="StatusSince">When the status last changed.</param>
public sealed record ServiceInstance(ServiceRegistration Registration, HealthStatus Status, string? Output, DateTimeOffset StatusSince);
