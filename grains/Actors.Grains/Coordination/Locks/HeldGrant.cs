using Actors.GrainInterfaces.Coordination.Locks;

namespace Actors.Grains.Coordination.Locks;

/// <summary>A grant as stored with the lock.</summary>
/// <param name="SessionId">Its session.</param>
/// <param name="Token">Its fencing token.</param>
/// <param name="Mode">Exclusive or shared.</param>
/// <param name="Owner">Who holds it.</param>
/// <param name="Since">When it was granted.</param>
/// <param name="LockDelay">How long nobody gets the lock when the session ends without releasing it.</param>
internal sealed record HeldGrant(string SessionId, long Token, LockMode Mode, string? Owner, DateTimeOffset Since, TimeSpan LockDelay);
