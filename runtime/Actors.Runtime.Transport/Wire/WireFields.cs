namespace Actors.Transport;

/// <summary>
/// The presence bitmask at the start of every frame payload: bit n set means optional field n follows, in bit
/// order. Absent fields cost nothing. Bits are part of the wire protocol: never renumber them; add new ones above.
/// </summary>
[Flags]
internal enum WireFields : ushort
{
    None = 0,
    TargetGrain = 1 << 0,
    SendingGrain = 1 << 1,
    TargetSilo = 1 << 2,
    SendingSilo = 1 << 3,
    InterfaceName = 1 << 4,
    MethodSignature = 1 << 5,
    Timeout = 1 << 6,
    CallChain = 1 << 7,
    TraceParent = 1 << 8,
    ForwardCount = 1 << 9,
    CacheInvalidations = 1 << 10,
    Body = 1 << 11,

    /// <summary>Every bit this version knows; a frame with any other bit set cannot be parsed by it.</summary>
    Known = (1 << 12) - 1,
}
