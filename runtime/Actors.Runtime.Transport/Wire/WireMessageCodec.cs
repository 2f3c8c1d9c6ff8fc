using System.Buffers;
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
/// length; a grain id is its type then its key (an empty type stands for the default id); a silo address is a family
/// tag (4 or 6), the address bytes (plus a 4-byte scope id for IPv6), the port (2) and the generation (8); a grain
/// address is grain id, silo, activation id (16). A payload must be consumed exactly: trailing bytes or unknown
/// presence bits are protocol errors.
/// </remarks>
public static partial class WireMessageCodec
{
    /// <summary>Bytes of the length prefix in front of every payload.</summary>
    public const int LengthPrefixBytes = 4;

    /// <summary>Bytes every payload has whatever its fields: kind, flags, presence bitmask, correlation id.</summary>
    public const int MinimumPayloadBytes = 1 + 1 + 2 + 8;

    // Hot values repeat in almost every frame: grain types, interface and method names, grain ids, silo addresses.
    // Decoding them once and sharing the result saves the UTF-8 decoding, the allocations and (for grain ids) the
    // stable hash. Keys longer than the limits are decoded every time.
    private static readonly WireInternTable<string> Names = new(1024, 256, static bytes => WireEncoding.StrictUtf8.GetString(bytes));
    private static readonly WireInternTable<GrainId> GrainIds = new(2048, 128, static bytes => WireReader.DecodeGrainId(bytes, Names));
    private static readonly WireInternTable<SiloAddress> Silos = new(128, WireEncoding.IPv6SiloBytes, WireEncoding.DecodeSiloAddress);

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
}
