namespace Actors.Grains.Coordination.Elections;

/// <summary>A session campaigning with a value.</summary>
/// <param name="SessionId">Its session.</param>
/// <param name="Value">The value it proclaims when elected.</param>
internal sealed record Candidate(string SessionId, string Value);
