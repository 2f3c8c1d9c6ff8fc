namespace Actors.Runtime.Hosting;

/// <summary>A component that takes part in a lifecycle by subscribing to its stages.</summary>
public interface ILifecycleParticipant<in TLifecycle>
{
    /// <summary>Subscribes to the stages the component needs.</summary>
    void Participate(TLifecycle lifecycle);
}
