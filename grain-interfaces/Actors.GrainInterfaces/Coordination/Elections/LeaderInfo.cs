namespace Actors.GrainInterfaces.Coordination.Elections;

/// <summary>A leadership.</summary>
/// <param name="Term">Strictly greater than every earlier term of the election.</param>
/// <param name="SessionId">The leader's session.</param>
/// <param name="Value">The leader's value (its address, say), as last proclaimed.</param>
/// <param name="Since">When the term began.</param>
public sealed record LeaderInfo(long Term, string SessionId, string Value, DateTimeOffset Since);
