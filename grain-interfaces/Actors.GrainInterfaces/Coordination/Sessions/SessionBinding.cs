namespace Actors.GrainInterfaces.Coordination.Sessions;

/// <summary>A resource that holds something for a session: which grain to tell when the session ends.</summary>
/// <param name="Kind">The kind of grain.</param>
/// <param name="Name">Its key (lock name, election name, service name; the key/value store's name).</param>
public sealed record SessionBinding(SessionBindingKind Kind, string Name);
