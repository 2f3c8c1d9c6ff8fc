namespace Actors.Runtime.Messaging;

/// <summary>
/// One waiting turn in a chain of calls: the grain and the id of its turn that made the next call.
/// A request whose chain holds a turn still running in the target activation would wait for itself.
/// </summary>
internal readonly record struct CallChainEntry(GrainId Grain, long TurnId);
