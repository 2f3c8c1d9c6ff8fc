using System.Buffers;

namespace Actors.Transport;

/// <summary>Encoding of frames: one pass over the message into one span, no intermediate buffers.</summary>
public static partial class WireMessageCodec
{
    // Bodies up to this size are copied into the same span as the envelope (one Advance); larger ones are written
    // after it in chunks, so a big body never asks the writer for one huge contiguous buffer.
    private const int InlineBodyLimit = 4096;

    /// <summary>
    /// Writes one frame unless its payload would exceed <paramref name="maxFrameBytes"/>; then writes nothing and
    /// returns false (a connection refuses to send what its peer would reject).
    /// </summary>
    internal static bool TryWrite(WireMessage message, IBufferWriter<byte> output, int maxFrameBytes, out long payloadBytes)
    {
        // Size the span from an upper bound that needs no pass over the strings; count exactly only when the bound
        // is near the limit. The real length goes into the prefix once the envelope is written.
        var body = message.Body.Span;
        var envelope = MeasureEnvelope(message, exact: false, out var fields);
        if (envelope + body.Length > maxFrameBytes)
        {
            envelope = MeasureEnvelope(message, exact: true, out _);
            if (envelope + body.Length > maxFrameBytes)
            {
                payloadBytes = envelope + body.Length;
                return false;
            }
        }

        var inlineBody = body.Length <= InlineBodyLimit;
        var span = output.GetSpan(LengthPrefixBytes + (int)envelope + (inlineBody ? body.Length : 0));
        var writer = new WireSpanWriter(span);
        writer.WriteUInt32(0);
        writer.WriteByte((byte)message.Kind);
        writer.WriteByte((byte)message.Flags);
        writer.WriteUInt16((ushort)fields);
        writer.WriteInt64(message.CorrelationId);
        WriteOptionalFields(ref writer, message, fields);
        if (!body.IsEmpty)
        {
            writer.WriteVarUInt32((uint)body.Length);
        }

        payloadBytes = writer.Position - LengthPrefixBytes + body.Length;
        writer.PatchUInt32(0, (uint)payloadBytes);
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

    /// <summary>The payload bytes before the body's own bytes, exactly or as an upper bound; and which fields are present.</summary>
    private static long MeasureEnvelope(WireMessage message, bool exact, out WireFields fields)
    {
        fields = WireFields.None;
        long size = MinimumPayloadBytes;
        if (!message.TargetGrain.IsDefault)
        {
            fields |= WireFields.TargetGrain;
            size += WireEncoding.GrainIdSize(message.TargetGrain, exact);
        }

        if (!message.SendingGrain.IsDefault)
        {
            fields |= WireFields.SendingGrain;
            size += WireEncoding.GrainIdSize(message.SendingGrain, exact);
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
            size += exact ? WireEncoding.StringSize(interfaceName) : WireEncoding.StringBound(interfaceName);
        }

        if (message.MethodSignature is { } methodSignature)
        {
            fields |= WireFields.MethodSignature;
            size += exact ? WireEncoding.StringSize(methodSignature) : WireEncoding.StringBound(methodSignature);
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
                size += WireEncoding.GrainIdSize(entry.Grain, exact) + 8;
            }
        }

        if (message.TraceParent is { } traceParent)
        {
            fields |= WireFields.TraceParent;
            size += exact ? WireEncoding.StringSize(traceParent) : WireEncoding.StringBound(traceParent);
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
                size += WireEncoding.GrainIdSize(address.GrainId, exact) + WireEncoding.SiloAddressSize(address.Silo) + WireEncoding.GuidBytes;
            }
        }

        if (!message.Body.IsEmpty)
        {
            fields |= WireFields.Body;
            size += WireEncoding.VarUInt32Size((uint)message.Body.Length);
        }

        return size;
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
}
