namespace Actors.GrainInterfaces.Health;

/// <summary>What a health probe grain answered.</summary>
/// <param name="Silo">The address of the silo whose activation answered.</param>
/// <param name="AnsweredAt">When it answered (UTC).</param>
public sealed record HealthProbeResult(string Silo, DateTimeOffset AnsweredAt);
