namespace Actors.GrainInterfaces.Coordination.Locks;

/// <summary>A grant that is held.</summary>
/// <param name="SessionId">Its session.</param>
/// <param name="Token">Its fencing token.</param>
/// <param name="Mode">Exclusive or shared.</param>
/// <param name="Owner">Who holds it, in their words.</param>
/// <param name="Since">When it was granted.</param>
public sealed record LockHolder(string SessionId, long Token, LockMode Mode, string? Owner, DateTimeOffset Since);
