namespace Actors.Transport;

/// <summary>
/// Per-message switches the receiving runtime reads before it deserializes the body. Values are part of the wire
/// protocol; bits this version does not name are carried through unchanged.
/// </summary>
[Flags]
public enum WireMessageFlags : byte
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>The called method is <c>[ReadOnly]</c>: it may interleave with other read-only requests.</summary>
    ReadOnly = 1,

    /// <summary>The called method is <c>[AlwaysInterleave]</c>: it may run while the activation is busy.</summary>
    AlwaysInterleave = 2,

    /// <summary>Spare: the message may be delivered out of order with others to the same activation.</summary>
    Unordered = 4,

    /// <summary>The sender is a cluster client (through a gateway), not a silo.</summary>
    IsClient = 8,
}
