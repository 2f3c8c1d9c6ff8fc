namespace Actors.Cluster.TestGrains;

/// <summary>Where an answer came from: the silo, an id the activation drew when it activated, and a value.</summary>
public sealed record SiloInfo(string Silo, Guid ActivationId, long Value);
