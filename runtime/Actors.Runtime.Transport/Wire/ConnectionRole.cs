namespace Actors.Transport;

/// <summary>What the end that sent a <see cref="ConnectionPreamble"/> is. Values are part of the wire protocol.</summary>
public enum ConnectionRole : byte
{
    /// <summary>A silo (silo-to-silo connections, or a silo's own gateway).</summary>
    Silo = 1,

    /// <summary>A cluster client connecting to a silo's gateway.</summary>
    Client = 2,
}
