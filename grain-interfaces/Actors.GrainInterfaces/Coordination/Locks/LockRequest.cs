namespace Actors.GrainInterfaces.Coordination.Locks;

/// <summary>A request for a lock.</summary>
/// <param name="SessionId">The session the grant belongs to (its end releases it).</param>
/// <param name="Mode">Exclusive (a plain lock, a writer) or shared (a reader).</param>
/// <param name="Wait">How long to wait for the grant; zero tries once.</param>
/// <param name="Owner">Who asks, in the caller's words (shown by GET; may be null).</param>
/// <param name="LockDelay">
/// After the holder's session ends without a release, how long nobody gets the lock (Chubby's and Consul's lock-delay:
/// the old holder's in-flight writes drain). Zero for none. Taken from the grant's request.
/// </param>
public sealed record LockRequest(string SessionId, LockMode Mode, TimeSpan Wait, string? Owner, TimeSpan LockDelay);
