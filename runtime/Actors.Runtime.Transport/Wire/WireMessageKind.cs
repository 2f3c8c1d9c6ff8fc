namespace Actors.Transport;

/// <summary>
/// What a <see cref="WireMessage"/> is. The transport only frames messages; the runtime gives each kind its meaning.
/// Values are part of the wire protocol: never renumber them.
/// </summary>
public enum WireMessageKind : byte
{
    /// <summary>A grain call that expects a <see cref="Response"/> (or an error) with the same correlation id.</summary>
    Request = 1,

    /// <summary>A grain call whose caller expects no answer.</summary>
    OneWayRequest = 2,

    /// <summary>The successful result of a <see cref="Request"/>; the body holds the serialized result.</summary>
    Response = 3,

    /// <summary>The grain method of a <see cref="Request"/> threw; the body holds the serialized exception.</summary>
    ErrorResponse = 4,

    /// <summary>
    /// The receiving runtime refused a <see cref="Request"/> without running it (overloaded, activation gone, wrong silo,
    /// expired); the body says why, and the caller may retry or re-route.
    /// </summary>
    Rejection = 5,

    /// <summary>A liveness probe; the receiver answers with a <see cref="Pong"/> carrying the same correlation id.</summary>
    Ping = 6,

    /// <summary>The answer to a <see cref="Ping"/>.</summary>
    Pong = 7,

    /// <summary>Asks the receiver to ping a third silo (named in the message) on the sender's behalf.</summary>
    IndirectPing = 8,

    /// <summary>The outcome of an <see cref="IndirectPing"/>, with the same correlation id.</summary>
    IndirectPingResult = 9,

    /// <summary>A runtime-to-runtime request outside grain calls (directory, membership, gateway); the runtime defines the body.</summary>
    SystemRequest = 10,

    /// <summary>The answer to a <see cref="SystemRequest"/>, with the same correlation id.</summary>
    SystemResponse = 11,
}
