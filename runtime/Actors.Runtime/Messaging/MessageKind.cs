namespace Actors.Runtime.Messaging;

/// <summary>What a message (or a turn of an activation) carries.</summary>
internal enum MessageKind
{
    /// <summary>A grain call that expects a response.</summary>
    Request,

    /// <summary>A grain call without a response ([OneWay]).</summary>
    OneWayRequest,

    /// <summary>A tick of a grain timer: a turn of the activation, not a message on the wire.</summary>
    TimerTick,

    /// <summary>The activation's first turn: make the grain, read its state, run OnActivateAsync.</summary>
    Activation,

    /// <summary>The activation's last turn: run OnDeactivateAsync and leave the catalog.</summary>
    Deactivation,
}
