using System.Buffers;
using System.Buffers.Binary;

namespace Actors.Transport;

/// <summary>
/// Encodes and decodes the handshake that opens every connection, before any <see cref="WireMessage"/> frame:
/// the connecting end sends its <see cref="ConnectionPreamble"/>; the listening end answers with its own, or with a
/// refusal carrying a reason and then closes.
/// </summary>
/// <remarks>
/// Layout: the magic <c>ACTR</c> (4 bytes), the protocol version (2, little-endian), the payload length (2), then
/// the payload: a kind byte (1 = preamble, 2 = refusal); a preamble continues with role (1), a presence byte (bit 0
/// silo address, bit 1 client id), the cluster id and the present fields; a refusal continues with its reason.
/// Strings and silo addresses are encoded as in <see cref="WireMessageCodec"/>.
/// </remarks>
public static class ConnectionPreambleCodec
{
    /// <summary>The protocol version this build speaks (of the handshake and of the frames that follow it).</summary>
    public const ushort ProtocolVersion = 1;

    /// <summary>The largest handshake payload accepted, in bytes.</summary>
    public const int MaxPayloadBytes = 4096;

    /// <summary>The longest refusal reason sent, in characters; longer reasons are cut.</summary>
    public const int MaxRefusalReasonLength = 1000;

    private const int HeaderBytes = 4 + 2 + 2;
    private const byte PreambleKind = 1;
    private const byte RefusalKind = 2;
    private const byte HasSilo = 1;
    private const byte HasClientId = 2;

    /// <summary>The 4 bytes every connection starts with: <c>ACTR</c> in ASCII.</summary>
    public static ReadOnlySpan<byte> Magic => "ACTR"u8;

    /// <summary>Writes <paramref name="preamble"/> as a complete handshake message.</summary>
    /// <exception cref="ArgumentException">The encoded preamble exceeds <see cref="MaxPayloadBytes"/>.</exception>
    public static void Write(ConnectionPreamble preamble, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(preamble);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(preamble.ClusterId);
        var presence = (byte)((preamble.Silo is null ? 0 : HasSilo) | (preamble.ClientId is null ? 0 : HasClientId));
        var size = 1 + 1 + 1 + WireEncoding.StringSize(preamble.ClusterId)
            + (preamble.Silo is null ? 0 : WireEncoding.SiloAddressSize(preamble.Silo))
            + (preamble.ClientId is null ? 0 : WireEncoding.StringSize(preamble.ClientId));
        if (size > MaxPayloadBytes)
        {
            throw new ArgumentException($"The preamble takes {size} bytes; at most {MaxPayloadBytes} are allowed.", nameof(preamble));
        }

        var span = output.GetSpan(HeaderBytes + (int)size);
        var writer = StartMessage(span, (int)size);
        writer.WriteByte(PreambleKind);
        writer.WriteByte((byte)preamble.Role);
        writer.WriteByte(presence);
        writer.WriteString(preamble.ClusterId);
        if (preamble.Silo is not null)
        {
            writer.WriteSiloAddress(preamble.Silo);
        }

        if (preamble.ClientId is not null)
        {
            writer.WriteString(preamble.ClientId);
        }

        output.Advance(writer.Position);
    }

    /// <summary>Writes a refusal with <paramref name="reason"/> (cut to <see cref="MaxRefusalReasonLength"/> characters).</summary>
    public static void WriteRefusal(string reason, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(output);
        if (reason.Length > MaxRefusalReasonLength)
        {
            reason = reason[..MaxRefusalReasonLength];
        }

        var size = 1 + (int)WireEncoding.StringSize(reason);
        var span = output.GetSpan(HeaderBytes + size);
        var writer = StartMessage(span, size);
        writer.WriteByte(RefusalKind);
        writer.WriteString(reason);
        output.Advance(writer.Position);
    }

    /// <summary>
    /// Consumes one handshake message from the front of <paramref name="buffer"/> when it is complete; returns false,
    /// leaving <paramref name="buffer"/> as it was, when more bytes are needed. On success exactly one of
    /// <paramref name="preamble"/> and <paramref name="refusal"/> is set.
    /// </summary>
    /// <exception cref="WireProtocolException">
    /// The bytes are not an Actors handshake (checked from the first byte on), of another protocol version, or malformed.
    /// </exception>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, out ConnectionPreamble? preamble, out string? refusal)
    {
        preamble = null;
        refusal = null;
        Span<byte> header = stackalloc byte[HeaderBytes];
        var available = (int)Math.Min(buffer.Length, HeaderBytes);
        buffer.Slice(0, available).CopyTo(header);

        // Check the magic on whatever has arrived, so a peer speaking something else is dropped without waiting.
        var magicBytes = Math.Min(available, Magic.Length);
        if (!header[..magicBytes].SequenceEqual(Magic[..magicBytes]))
        {
            throw new WireProtocolException("The peer is not speaking the Actors protocol (bad magic).");
        }

        if (available < HeaderBytes)
        {
            return false;
        }

        var version = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
        if (version != ProtocolVersion)
        {
            throw new WireProtocolException($"The peer speaks protocol version {version}; this end speaks version {ProtocolVersion}.");
        }

        var size = BinaryPrimitives.ReadUInt16LittleEndian(header[6..]);
        if (size > MaxPayloadBytes)
        {
            throw new WireProtocolException($"A handshake of {size} bytes exceeds the limit of {MaxPayloadBytes} bytes.");
        }

        if (buffer.Length < HeaderBytes + size)
        {
            return false;
        }

        var payload = buffer.Slice(HeaderBytes, size);
        Span<byte> copy = stackalloc byte[MaxPayloadBytes];
        var bytes = payload.IsSingleSegment ? payload.FirstSpan : copy[..size];
        if (!payload.IsSingleSegment)
        {
            payload.CopyTo(copy);
        }

        var reader = new WireReader(bytes);
        var kind = reader.ReadByte();
        if (kind == RefusalKind)
        {
            refusal = reader.ReadString(null);
        }
        else if (kind == PreambleKind)
        {
            preamble = ReadPreamble(ref reader);
        }
        else
        {
            throw new WireProtocolException($"The handshake holds unknown message kind {kind}.");
        }

        if (reader.Remaining != 0)
        {
            throw new WireProtocolException($"The handshake has {reader.Remaining} bytes after its last field.");
        }

        buffer = buffer.Slice(payload.End);
        return true;
    }

    private static ConnectionPreamble ReadPreamble(ref WireReader reader)
    {
        var role = (ConnectionRole)reader.ReadByte();
        if (role is not ConnectionRole.Silo and not ConnectionRole.Client)
        {
            throw new WireProtocolException($"The handshake holds unknown connection role {(byte)role}.");
        }

        var presence = reader.ReadByte();
        if ((presence & ~(HasSilo | HasClientId)) != 0)
        {
            throw new WireProtocolException($"The handshake announces fields this protocol version does not know (0x{presence:X2}).");
        }

        var clusterId = reader.ReadString(null);
        var silo = (presence & HasSilo) != 0 ? reader.ReadSiloAddress(null) : null;
        var clientId = (presence & HasClientId) != 0 ? reader.ReadString(null) : null;
        return new ConnectionPreamble(role, clusterId, silo, clientId);
    }

    private static WireSpanWriter StartMessage(Span<byte> span, int payloadBytes)
    {
        var writer = new WireSpanWriter(span);
        foreach (var b in Magic)
        {
            writer.WriteByte(b);
        }

        writer.WriteUInt16(ProtocolVersion);
        writer.WriteUInt16((ushort)payloadBytes);
        return writer;
    }
}
