namespace Actors.Runtime.Activations;

/// <summary>Where an activation is in its life.</summary>
internal enum ActivationState
{
    /// <summary>Made; its activation turn is queued. Requests wait.</summary>
    Activating,

    /// <summary>Running requests.</summary>
    Valid,

    /// <summary>Finishing its running turns, then running OnDeactivateAsync. New requests wait and are re-routed afterwards.</summary>
    Deactivating,

    /// <summary>Gone: out of the catalog; a message reaching it is re-routed.</summary>
    Invalid,
}
