namespace Actors.Transport;

/// <summary>
/// One waiting turn in a chain of grain calls as it travels on the wire: the grain and the id of its turn that made
/// the next call. The receiving runtime uses the chain to detect call cycles.
/// </summary>
/// <param name="Grain">The calling grain.</param>
/// <param name="TurnId">The id of the turn of <paramref name="Grain"/> that is waiting.</param>
public readonly record struct WireCallChainEntry(GrainId Grain, long TurnId);
