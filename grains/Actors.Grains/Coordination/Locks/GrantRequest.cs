using Actors.GrainInterfaces.Coordination.Locks;

namespace Actors.Grains.Coordination.Locks;

/// <summary>A request for a lock or a permit, as it waits.</summary>
/// <param name="SessionId">Its session.</param>
/// <param name="Mode">Exclusive or shared.</param>
/// <param name="Owner">Who asks.</param>
/// <param name="LockDelay">The lock-delay the grant would carry.</param>
internal sealed record GrantRequest(string SessionId, LockMode Mode, string? Owner, TimeSpan LockDelay);
