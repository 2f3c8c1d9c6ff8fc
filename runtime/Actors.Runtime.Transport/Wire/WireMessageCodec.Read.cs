using System.Buffers;
using System.Buffers.Binary;

namespace Actors.Transport;

/// <summary>Decoding of frames from one span, whichever way the pipe split them.</summary>
public static partial class WireMessageCodec
{
    // A payload split over pipe segments is copied into one pooled buffer up to this size; beyond it only this much
    // is copied (the envelope) and the body is copied once, from the segments straight into its own array.
    private const int ContiguousCopyLimit = 64 * 1024;

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
        if (payload.IsSingleSegment)
        {
            var reader = new WireReader(payload.FirstSpan);
            return ReadFields(ref reader);
        }

        var length = (int)payload.Length;
        var copied = Math.Min(length, ContiguousCopyLimit);
        var rented = ArrayPool<byte>.Shared.Rent(copied);
        try
        {
            payload.Slice(0, copied).CopyTo(rented);
            try
            {
                var reader = new WireReader(rented.AsSpan(0, copied), payload);
                return ReadFields(ref reader);
            }
            catch (WireReader.PrefixExhaustedException)
            {
                // An envelope over 64 KiB (a huge call chain or invalidation list): read it again from a whole copy.
                ArrayPool<byte>.Shared.Return(rented);
                rented = ArrayPool<byte>.Shared.Rent(length);
                payload.CopyTo(rented);
                var reader = new WireReader(rented.AsSpan(0, length));
                return ReadFields(ref reader);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static WireMessage ReadFields(ref WireReader reader)
    {
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
            message.TargetGrain = reader.ReadGrainId(GrainIds, Names);
        }

        if ((fields & WireFields.SendingGrain) != 0)
        {
            message.SendingGrain = reader.ReadGrainId(GrainIds, Names);
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
            // Each entry takes at least two string lengths and a turn id: a count that cannot fit is refused before allocating.
            var chain = new WireCallChainEntry[reader.ReadLength(minimumBytesPerItem: 1 + 1 + 8)];
            for (var i = 0; i < chain.Length; i++)
            {
                chain[i] = new WireCallChainEntry(reader.ReadGrainId(GrainIds, Names), reader.ReadInt64());
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
            var invalidations = new GrainAddress[reader.ReadLength(minimumBytesPerItem: 1 + 1 + WireEncoding.IPv4SiloBytes + WireEncoding.GuidBytes)];
            for (var i = 0; i < invalidations.Length; i++)
            {
                invalidations[i] = new GrainAddress(reader.ReadGrainId(GrainIds, Names), reader.ReadSiloAddress(Silos), reader.ReadGuid());
            }

            message.CacheInvalidations = invalidations;
        }

        if ((fields & WireFields.Body) != 0)
        {
            message.Body = reader.ReadBytes();
        }
    }
}
