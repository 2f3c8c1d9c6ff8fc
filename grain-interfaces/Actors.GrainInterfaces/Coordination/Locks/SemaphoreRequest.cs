namespace Actors.GrainInterfaces.Coordination.Locks;

/// <summary>A request for one permit of a semaphore.</summary>
/// <param name="SessionId">The session the permit belongs to.</param>
/// <param name="Permits">The semaphore's number of permits (must agree with the holders' and waiters').</param>
/// <param name="Wait">How long to wait; zero tries once.</param>
/// <param name="Owner">Who asks (may be null).</param>
public sealed record SemaphoreRequest(string SessionId, int Permits, TimeSpan Wait, string? Owner);
