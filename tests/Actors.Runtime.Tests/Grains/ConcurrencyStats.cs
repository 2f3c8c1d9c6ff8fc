namespace Actors.Runtime.Tests.Grains;

/// <summary>How many turns of a probe grain were inside its method at once.</summary>
public sealed record ConcurrencyStats(int Inside, int MaxInside, int Completed);
