using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Actors.Transport;

/// <summary>
/// Reads the binary encoding from one complete payload held in a span. Every shortfall or malformed value throws
/// <see cref="WireProtocolException"/>; nothing reads past the payload.
/// </summary>
/// <remarks>
/// For a large payload spread over several pipe segments the span may hold only its first part (see
/// <see cref="WireReader(ReadOnlySpan{byte}, ReadOnlySequence{byte})"/>): the body, which comes last, is then copied
/// straight from the segments, so big bodies are copied once. An envelope longer than that first part throws
/// <see cref="PrefixExhaustedException"/>, and the caller retries with the whole payload in one span.
/// </remarks>
internal ref struct WireReader
{
    private readonly ReadOnlySpan<byte> _span;
    private readonly ReadOnlySequence<byte> _payload;
    private readonly int _length;
    private int _position;

    /// <summary>Reads a payload held whole in <paramref name="payload"/>.</summary>
    public WireReader(ReadOnlySpan<byte> payload)
    {
        _span = payload;
        _payload = default;
        _length = payload.Length;
        _position = 0;
    }

    /// <summary>Reads <paramref name="payload"/> through <paramref name="prefix"/>, a copy of its first bytes.</summary>
    public WireReader(ReadOnlySpan<byte> prefix, ReadOnlySequence<byte> payload)
    {
        _span = prefix;
        _payload = payload;
        _length = checked((int)payload.Length);
        _position = 0;
    }

    /// <summary>Bytes of the payload not read yet.</summary>
    public readonly int Remaining => _length - _position;

    public byte ReadByte() => Take(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public uint ReadVarUInt32()
    {
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var next = ReadByte();
            if (shift == 28 && next > 0x0F)
            {
                throw new WireProtocolException("A variable-length integer in the frame overflows 32 bits.");
            }

            result |= (uint)(next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                return result;
            }
        }

        throw new WireProtocolException("A variable-length integer in the frame is longer than 5 bytes.");
    }

    /// <summary>Reads a length or count and checks the payload can hold that many items of the given minimum size.</summary>
    public int ReadLength(int minimumBytesPerItem = 1)
    {
        var length = ReadVarUInt32();
        if ((long)length * minimumBytesPerItem > Remaining)
        {
            throw new WireProtocolException($"A length of {length} in the frame runs past its end ({Remaining} bytes remain).");
        }

        return (int)length;
    }

    public string ReadString(WireInternTable<string>? cache)
    {
        var utf8 = Take(ReadLength());
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        try
        {
            return cache is null ? WireEncoding.StrictUtf8.GetString(utf8) : cache.GetOrAdd(utf8);
        }
        catch (DecoderFallbackException ex)
        {
            throw new WireProtocolException("The frame holds a string that is not valid UTF-8.", ex);
        }
    }

    /// <summary>Reads a grain id (type string, key string); through <paramref name="cache"/> keyed by its encoded bytes.</summary>
    public GrainId ReadGrainId(WireInternTable<GrainId>? cache, WireInternTable<string>? names)
    {
        var start = _position;
        var typeBytes = ReadLength();
        Take(typeBytes);
        var keyBytes = ReadLength();
        Take(keyBytes);
        if (typeBytes == 0)
        {
            // No grain type is empty, so an empty type encodes the default id (for example in a call chain).
            return keyBytes == 0 ? default : throw new WireProtocolException("The frame holds a grain id with a key but no type.");
        }

        var encoded = _span[start.._position];
        return cache is null ? DecodeGrainId(encoded, names) : cache.GetOrAdd(encoded);
    }

    public SiloAddress ReadSiloAddress(WireInternTable<SiloAddress>? cache)
    {
        var family = Remaining > 0 && _position < _span.Length ? _span[_position] : ReadByte();
        var size = family switch
        {
            WireEncoding.IPv4 => WireEncoding.IPv4SiloBytes,
            WireEncoding.IPv6 => WireEncoding.IPv6SiloBytes,
            _ => throw new WireProtocolException($"The frame holds a silo address of unknown address family {family}."),
        };

        var encoded = Take(size);
        return cache is null ? WireEncoding.DecodeSiloAddress(encoded) : cache.GetOrAdd(encoded);
    }

    public Guid ReadGuid() => new(Take(WireEncoding.GuidBytes));

    /// <summary>Reads a length-prefixed byte string into a new array: it must outlive the pipe buffer it came from.</summary>
    public byte[] ReadBytes()
    {
        var length = ReadLength();
        var bytes = GC.AllocateUninitializedArray<byte>(length);
        if (_span.Length - _position >= length)
        {
            _span.Slice(_position, length).CopyTo(bytes);
        }
        else
        {
            // Beyond the copied first part (only ever the body of a big frame): copy it from the segments directly.
            _payload.Slice(_position, length).CopyTo(bytes);
        }

        _position += length;
        return bytes;
    }

    /// <summary>Decodes a grain id from exactly its encoded bytes (the grain id cache's factory).</summary>
    public static GrainId DecodeGrainId(ReadOnlySpan<byte> encoded, WireInternTable<string>? names)
    {
        var reader = new WireReader(encoded);
        var type = reader.ReadString(names);
        var key = reader.ReadString(null);
        try
        {
            return new GrainId(new GrainType(type), key);
        }
        catch (ArgumentException ex)
        {
            throw new WireProtocolException($"The frame holds an invalid grain type '{type}'.", ex);
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if ((uint)count > (uint)(_span.Length - _position))
        {
            ThrowShort(count);
        }

        var bytes = _span.Slice(_position, count);
        _position += count;
        return bytes;
    }

    private readonly void ThrowShort(int count)
    {
        if (count <= Remaining)
        {
            throw new PrefixExhaustedException();
        }

        throw new WireProtocolException($"The frame ends early: {count} more bytes expected, {Remaining} remain.");
    }

    /// <summary>The envelope reaches past the copied first part of a large payload: read it again from a whole copy.</summary>
    internal sealed class PrefixExhaustedException : Exception
    {
        public PrefixExhaustedException()
            : base("The envelope is longer than the part of the payload that was copied.")
        {
        }
    }
}
