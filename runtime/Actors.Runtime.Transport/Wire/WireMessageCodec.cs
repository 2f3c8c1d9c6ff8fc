using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Actors.Transport;

/// <summary>
/// Encodes and decodes <see cref="WireMessage"/> frames: a 4-byte little-endian payload length, then the payload.
/// </summary>
/// <remarks>
/// Payload layout (version 1): kind (1 byte), flags (1), presence bitmask (2, little-endian), correlation id (8),
/// then each present optional field in bit order: target grain, sending grain, target silo, sending silo, interface
/// name, method signature, timeout (4), call chain, traceparent, forward count (1), cache invalidations, body.
/// Integers are little-endian; lengths and counts are 7-bit variable-length; strings are UTF-8 after their byte
/// length; a grain id is its type then its key (an empty type stands for the default id); a silo address is a family tag (4 or 6), the address bytes (plus a
/// 4-byte scope id for IPv6), the port (2) and the generation (8); a grain address is grain id, silo, activation id (16).
/// A payload must be consumed exactly: trailing bytes or unknown presence bits are protocol errors.
/// </remarks>
public static class WireMessageCodec
{
    /// <summary>Bytes of the length prefix in front of every payload.</summary>
    public const int LengthPrefixBytes = 4;

    /// <summary>Bytes every payload has whatever its fields: kind, flags, presence bitmask, correlation id.</summary>
    public const int MinimumPayloadBytes = 1 + 1 + 2 + 8;

    // Bodies up to this size are copied into the same span as the envelope (one Advance); larger ones are written
    // after it in chunks, so a big body never asks the writer for one huge contiguous buffer.
    private const int InlineBodyLimit = 4096;

    // Hot names (grain types, interface names, method signatures) and silo addresses repeat in almost every frame.
    private static readonly WireInternTable<string> Names = new(1024, 256, static bytes => WireEncoding.StrictUtf8.GetString(bytes));
    private static readonly WireInternTable<SiloAddress> Silos = new(128, 31, WireEncoding.DecodeSiloAddress);

    /// <summary>Writes one whole frame (length prefix and payload) for <paramref name="message"/>.</summary>
    /// <exception cref="ArgumentException">The payload would exceed <see cref="int.MaxValue"/> bytes.</exception>
    public static void Write(WireMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        if (!TryWrite(message, output, int.MaxValue, out var payloadBytes))
        {
            throw new ArgumentException($"The message's payload of {payloadBytes} bytes exceeds the largest possible frame.", nameof(message));
        }
    }

    /// <summary>
    /// Consumes one frame from the front of <paramref name="buffer"/> when it is complete, advancing
    /// <paramref name="buffer"/> past it; returns false, leaving <paramref name="buffer"/> as it was, when more bytes are needed.
    /// </summary>
    /// <param name="buffer">Received bytes; on success, what follows the frame.</param>
    /// <param name="maxFrameBytes">The largest payload accepted; a larger length prefix is a protocol error.</param>
    /// <param name="message">The decoded message; its <see cref="WireMessage.Body"/> is a copy, valid after the buffer is released.</param>
    /// <exception cref="WireProtocolException">The frame is malformed or larger than <paramref name="maxFrameBytes"/>.</exception>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int maxFrameBytes, [NotNullWhen(true)] out WireMessage? message)
    {
        message = null;
        if (buffer.Length < LengthPrefixBytes)
        {
            return false;
        }

        var payloadBytes = ReadLengthPrefix(buffer);
        if (payloadBytes > (uint)maxFrameBytes)
        {
            throw new WireProtocolException($"A frame of {payloadBytes} bytes exceeds the limit of {maxFrameBytes} bytes.");
        }

        if (payloadBytes < MinimumPayloadBytes)
        {
            throw new WireProtocolException($"A frame of {payloadBytes} bytes is shorter than the smallest message ({MinimumPayloadBytes} bytes).");
        }

        if (buffer.Length - LengthPrefixBytes < payloadBytes)
        {
            return false;
        }

        var payload = buffer.Slice(LengthPrefixBytes, payloadBytes);
        message = ReadPayload(payload);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    /// <summary>
    /// Writes one frame unless its payload would exceed <paramref name="maxFrameBytes"/>; then writes nothing and
    /// returns false (a connection refuses to send what its peer would reject).
    /// </summary>
    internal static bool TryWrite(WireMessage message, IBufferWriter<byte> output, int maxFrameBytes, out long payloadBytes)
    {
        var fields = WireFields.None;
        long size = MinimumPayloadBytes;
        if (!message.TargetGrain.IsDefault)
        {
            fields |= WireFields.TargetGrain;
            size += WireEncoding.GrainIdSize(message.TargetGrain);
        }

        if (!message.SendingGrain.IsDefault)
        {
            fields |= WireFields.SendingGrain;
            size += WireEncoding.GrainIdSize(message.SendingGrain);
        }

        if (message.TargetSilo is { } targetSilo)
        {
            fields |= WireFields.TargetSilo;
            size += WireEncoding.SiloAddressSize(targetSilo);
        }

        if (message.SendingSilo is { } sendingSilo)
        {
            fields |= WireFields.SendingSilo;
            size += WireEncoding.SiloAddressSize(sendingSilo);
        }

        if (message.InterfaceName is { } interfaceName)
        {
            fields |= WireFields.InterfaceName;
            size += WireEncoding.StringSize(interfaceName);
        }

        if (message.MethodSignature is { } methodSignature)
        {
            fields |= WireFields.MethodSignature;
            size += WireEncoding.StringSize(methodSignature);
        }

        if (message.TimeoutMilliseconds != 0)
        {
            fields |= WireFields.Timeout;
            size += 4;
        }

        if (message.CallChain is { } chain)
        {
            fields |= WireFields.CallChain;
            size += WireEncoding.VarUInt32Size((uint)chain.Length);
            foreach (var entry in chain)
            {
                size += WireEncoding.GrainIdSize(entry.Grain) + 8;
            }
        }

        if (message.TraceParent is { } traceParent)
        {
            fields |= WireFields.TraceParent;
            size += WireEncoding.StringSize(traceParent);
        }

        if (message.ForwardCount != 0)
        {
            fields |= WireFields.ForwardCount;
            size += 1;
        }

        if (message.CacheInvalidations is { } invalidations)
        {
            fields |= WireFields.CacheInvalidations;
            size += WireEncoding.VarUInt32Size((uint)invalidations.Length);
            foreach (var address in invalidations)
            {
                size += WireEncoding.GrainAddressSize(address);
            }
        }

        var body = message.Body.Span;
        if (!body.IsEmpty)
        {
            fields |= WireFields.Body;
            size += WireEncoding.VarUInt32Size((uint)body.Length);
        }

        payloadBytes = size + body.Length;
        if (payloadBytes > maxFrameBytes)
        {
            return false;
        }

        var inlineBody = body.Length <= InlineBodyLimit;
        var spanBytes = LengthPrefixBytes + (int)size + (inlineBody ? body.Length : 0);
        var span = output.GetSpan(spanBytes);
        var writer = new WireSpanWriter(span);
        writer.WriteUInt32((uint)payloadBytes);
        writer.WriteByte((byte)message.Kind);
        writer.WriteByte((byte)message.Flags);
        writer.WriteUInt16((ushort)fields);
        writer.WriteInt64(message.CorrelationId);
        WriteOptionalFields(ref writer, message, fields);
        if (!body.IsEmpty)
        {
            writer.WriteVarUInt32((uint)body.Length);
        }

        if (inlineBody)
        {
            body.CopyTo(span[writer.Position..]);
            output.Advance(writer.Position + body.Length);
        }
        else
        {
            output.Advance(writer.Position);
            output.Write(body);
        }

        return true;
    }

    private static void WriteOptionalFields(ref WireSpanWriter writer, WireMessage message, WireFields fields)
    {
        if ((fields & WireFields.TargetGrain) != 0)
        {
            writer.WriteGrainId(message.TargetGrain);
        }

        if ((fields & WireFields.SendingGrain) != 0)
        {
            writer.WriteGrainId(message.SendingGrain);
        }

        if (message.TargetSilo is { } targetSilo)
        {
            writer.WriteSiloAddress(targetSilo);
        }

        if (message.SendingSilo is { } sendingSilo)
        {
            writer.WriteSiloAddress(sendingSilo);
        }

        if (message.InterfaceName is { } interfaceName)
        {
            writer.WriteString(interfaceName);
        }

        if (message.MethodSignature is { } methodSignature)
        {
            writer.WriteString(methodSignature);
        }

        if ((fields & WireFields.Timeout) != 0)
        {
            writer.WriteInt32(message.TimeoutMilliseconds);
        }

        if (message.CallChain is { } chain)
        {
            writer.WriteVarUInt32((uint)chain.Length);
            foreach (var entry in chain)
            {
                writer.WriteGrainId(entry.Grain);
                writer.WriteInt64(entry.TurnId);
            }
        }

        if (message.TraceParent is { } traceParent)
        {
            writer.WriteString(traceParent);
        }

        if ((fields & WireFields.ForwardCount) != 0)
        {
            writer.WriteByte(message.ForwardCount);
        }

        if (message.CacheInvalidations is { } invalidations)
        {
            writer.WriteVarUInt32((uint)invalidations.Length);
            foreach (var address in invalidations)
            {
                writer.WriteGrainId(address.GrainId);
                writer.WriteSiloAddress(address.Silo);
                writer.WriteGuid(address.ActivationId);
            }
        }
    }

    private static uint ReadLengthPrefix(ReadOnlySequence<byte> buffer)
    {
        var first = buffer.FirstSpan;
        if (first.Length >= LengthPrefixBytes)
        {
            return BinaryPrimitives.ReadUInt32LittleEndian(first);
        }

        Span<byte> prefix = stackalloc byte[LengthPrefixBytes];
        buffer.Slice(0, LengthPrefixBytes).CopyTo(prefix);
        return BinaryPrimitives.ReadUInt32LittleEndian(prefix);
    }

    private static WireMessage ReadPayload(ReadOnlySequence<byte> payload)
    {
        var reader = new WireReader(payload);
        var kind = (WireMessageKind)reader.ReadByte();
        if (kind is < WireMessageKind.Request or > WireMessageKind.SystemResponse)
        {
            throw new WireProtocolException($"The frame holds unknown message kind {(byte)kind}.");
        }

        var message = new WireMessage
        {
            Kind = kind,
            Flags = (WireMessageFlags)reader.ReadByte(),
        };
        var fields = (WireFields)reader.ReadUInt16();
        if ((fields & ~WireFields.Known) != 0)
        {
            throw new WireProtocolException($"The frame announces fields this protocol version does not know (presence bits 0x{(ushort)fields:X4}).");
        }

        message.CorrelationId = reader.ReadInt64();
        ReadOptionalFields(ref reader, message, fields);
        if (reader.Remaining != 0)
        {
            throw new WireProtocolException($"The frame has {reader.Remaining} bytes after its last field.");
        }

        return message;
    }

    private static void ReadOptionalFields(ref WireReader reader, WireMessage message, WireFields fields)
    {
        if ((fields & WireFields.TargetGrain) != 0)
        {
            message.TargetGrain = reader.ReadGrainId(Names);
        }

        if ((fields & WireFields.SendingGrain) != 0)
        {
            message.SendingGrain = reader.ReadGrainId(Names);
        }

        if ((fields & WireFields.TargetSilo) != 0)
        {
            message.TargetSilo = reader.ReadSiloAddress(Silos);
        }

        if ((fields & WireFields.SendingSilo) != 0)
        {
            message.SendingSilo = reader.ReadSiloAddress(Silos);
        }

        if ((fields & WireFields.InterfaceName) != 0)
        {
            message.InterfaceName = reader.ReadString(Names);
        }

        if ((fields & WireFields.MethodSignature) != 0)
        {
            message.MethodSignature = reader.ReadString(Names);
        }

        if ((fields & WireFields.Timeout) != 0)
        {
            message.TimeoutMilliseconds = reader.ReadInt32();
        }

        if ((fields & WireFields.CallChain) != 0)
        {
            // Each entry takes at least 2 string lengths and a turn id: a count that cannot fit is rejected before allocating.
            var chain = new WireCallChainEntry[reader.ReadLength(minimumBytesPerItem: 1 + 1 + 8)];
            for (var i = 0; i < chain.Length; i++)
            {
                chain[i] = new WireCallChainEntry(reader.ReadGrainId(Names), reader.ReadInt64());
            }

            message.CallChain = chain;
        }

        if ((fields & WireFields.TraceParent) != 0)
        {
            message.TraceParent = reader.ReadString(null);
        }

        if ((fields & WireFields.ForwardCount) != 0)
        {
            message.ForwardCount = reader.ReadByte();
        }

        if ((fields & WireFields.CacheInvalidations) != 0)
        {
            var invalidations = new GrainAddress[reader.ReadLength(minimumBytesPerItem: 1 + 1 + 15 + WireEncoding.GuidBytes)];
            for (var i = 0; i < invalidations.Length; i++)
            {
                invalidations[i] = new GrainAddress(reader.ReadGrainId(Names), reader.ReadSiloAddress(Silos), reader.ReadGuid());
            }

            message.CacheInvalidations = invalidations;
        }

        if ((fields & WireFields.Body) != 0)
        {
            message.Body = reader.ReadBytes();
        }
    }
}
