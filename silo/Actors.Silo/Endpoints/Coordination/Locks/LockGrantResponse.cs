namespace Actors.Silo.Endpoints.Coordination.Locks;

/// <summary>A granted lock or semaphore permit.</summary>
/// <param name="Name">The lock's or semaphore's name.</param>
/// <param name="Token">The fencing token: strictly greater than every earlier grant's.</param>
/// <param name="Mode"><c>exclusive</c> or <c>shared</c> (a semaphore permit: <c>permit</c>).</param>
/// <param name="Session">The session the grant belongs to.</param>
internal sealed record LockGrantResponse(string Name, long Token, string Mode, string Session);
