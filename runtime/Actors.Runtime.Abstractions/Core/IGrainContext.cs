using Actors.Timers;

namespace Actors;

/// <summary>The runtime's side of one activation, as grain code sees it.</summary>
public interface IGrainContext
{
    /// <summary>The grain's id.</summary>
    GrainId GrainId { get; }

    /// <summary>The grain instance (null until it is made).</summary>
    object? GrainInstance { get; }

    /// <summary>The silo hosting the activation.</summary>
    SiloAddress Silo { get; }

    /// <summary>Services for the activation.</summary>
    IServiceProvider ActivationServices { get; }

    /// <summary>A factory for references to other grains.</summary>
    IGrainFactory GrainFactory { get; }

    /// <summary>Deactivates the activation once its current requests finish.</summary>
    void Deactivate(DeactivationReason reason);

    /// <summary>Keeps an idle activation from being collected for at least <paramref name="timeSpan"/>.</summary>
    void DelayDeactivation(TimeSpan timeSpan);

    /// <summary>Registers a timer whose ticks run as turns of this activation.</summary>
    IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options);
}
