namespace Actors.Runtime.Tests.Grains;

/// <summary>Which activation answered: its silo and an id it drew when it activated.</summary>
public sealed record ActivationInfo(string Silo, Guid ActivationId, int Calls);
