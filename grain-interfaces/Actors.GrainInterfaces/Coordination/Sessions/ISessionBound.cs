namespace Actors.GrainInterfaces.Coordination.Sessions;

/// <summary>A grain that holds things for sessions (locks, candidacies, ephemeral keys, service instances).</summary>
public interface ISessionBound : IGrain
{
    /// <summary>The session expired or was closed: release everything it holds or waits for here, at once.</summary>
    Task SessionEndedAsync(string sessionId);
}
