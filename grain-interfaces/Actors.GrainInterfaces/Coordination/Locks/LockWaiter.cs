namespace Actors.GrainInterfaces.Coordination.Locks;

/// <summary>A request waiting for a grant, in queue order.</summary>
/// <param name="SessionId">Its session.</param>
/// <param name="Mode">Exclusive or shared.</param>
/// <param name="Owner">Who waits, in their words.</param>
/// <param name="Since">When it started waiting.</param>
public sealed record LockWaiter(string SessionId, LockMode Mode, string? Owner, DateTimeOffset Since);
