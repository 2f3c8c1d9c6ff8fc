using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Actors.Transport;

/// <summary>Sizes and shared pieces of the binary encoding used by frames and preambles.</summary>
internal static class WireEncoding
{
    /// <summary>Address family tag of an IPv4 silo address.</summary>
    public const byte IPv4 = 4;

    /// <summary>Address family tag of an IPv6 silo address.</summary>
    public const byte IPv6 = 6;

    /// <summary>Bytes of an IPv4 silo address: tag, address, port, generation.</summary>
    public const int IPv4SiloBytes = 1 + 4 + 2 + 8;

    /// <summary>Bytes of an IPv6 silo address: tag, address, scope id, port, generation.</summary>
    public const int IPv6SiloBytes = 1 + 16 + 4 + 2 + 8;

    /// <summary>Bytes of a <see cref="Guid"/>.</summary>
    public const int GuidBytes = 16;

    /// <summary>Strict UTF-8: malformed bytes from a peer are a protocol error, not replacement characters.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Bytes of a 7-bit variable-length unsigned integer (LEB128): 1 byte below 128, at most 5.</summary>
    public static int VarUInt32Size(uint value) => value < 1u << 7 ? 1 : value < 1u << 14 ? 2 : value < 1u << 21 ? 3 : value < 1u << 28 ? 4 : 5;

    /// <summary>
    /// Strings of at most this many UTF-16 chars take at most 3 bytes each in UTF-8, so under 128 bytes: their length
    /// prefix is one byte whatever they hold, and the writer encodes them in one pass without counting first.
    /// </summary>
    public const int OneByteLengthChars = 127 / 3;

    /// <summary>Bytes of a string: its UTF-8 length as a variable-length integer, then the UTF-8 bytes.</summary>
    public static long StringSize(string value)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        return VarUInt32Size((uint)bytes) + bytes;
    }

    /// <summary>At least the bytes of a string, without reading it: 3 UTF-8 bytes per UTF-16 char at most.</summary>
    public static long StringBound(string value) => 5 + (3L * value.Length);

    /// <summary>Bytes of a grain id (type, then key, as strings), exactly or as an upper bound.</summary>
    public static long GrainIdSize(GrainId id, bool exact) =>
        exact ? StringSize(id.Type.Value) + StringSize(id.Key) : StringBound(id.Type.Value) + StringBound(id.Key);

    /// <summary>Bytes of a silo address: family tag, address (4, or 16 plus a 4-byte scope id), port, generation.</summary>
    public static int SiloAddressSize(SiloAddress silo) =>
        silo.Endpoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPv6SiloBytes : IPv4SiloBytes;

    /// <summary>Decodes a silo address written by <see cref="WireSpanWriter.WriteSiloAddress"/> (the cache's factory).</summary>
    public static SiloAddress DecodeSiloAddress(ReadOnlySpan<byte> bytes)
    {
        // Called with exactly the bytes of one address, already length-checked by the reader.
        var family = bytes[0];
        IPAddress address;
        int offset;
        if (family == IPv4)
        {
            address = new IPAddress(bytes.Slice(1, 4));
            offset = 5;
        }
        else
        {
            var scope = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(17, 4));
            address = new IPAddress(bytes.Slice(1, 16), scope);
            offset = 21;
        }

        var port = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(offset, 2));
        var generation = BinaryPrimitives.ReadInt64LittleEndian(bytes.Slice(offset + 2, 8));
        return new SiloAddress(new IPEndPoint(address, port), generation);
    }
}
