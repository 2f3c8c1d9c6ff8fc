namespace Actors;

/// <summary>Why an activation is deactivated.</summary>
public enum DeactivationReasonCode
{
    /// <summary>No reason given.</summary>
    None,

    /// <summary>The grain asked (<see cref="Grain.DeactivateOnIdle"/>).</summary>
    ApplicationRequested,

    /// <summary>Idle longer than its collection age.</summary>
    ActivationIdle,

    /// <summary>The silo is stopping.</summary>
    ShuttingDown,

    /// <summary><see cref="Grain.OnActivateAsync"/> failed.</summary>
    ActivationFailed,

    /// <summary>The directory holds another activation of the grain (this one lost a race).</summary>
    DuplicateActivation,

    /// <summary>The runtime met an unexpected error in the activation.</summary>
    RuntimeError,
}
