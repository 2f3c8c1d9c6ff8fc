using System.Buffers;
using System.Text;

namespace Actors.Transport;

/// <summary>
/// Reads the binary encoding from one complete frame payload (one or several segments). Every shortfall or
/// malformed value throws <see cref="WireProtocolException"/>; nothing reads past the payload.
/// </summary>
internal ref struct WireReader
{
    private const int StackCopyLimit = 256;
    private SequenceReader<byte> _reader;

    public WireReader(ReadOnlySequence<byte> payload)
    {
        _reader = new SequenceReader<byte>(payload);
    }

    /// <summary>Bytes not read yet.</summary>
    public readonly long Remaining => _reader.Remaining;

    public byte ReadByte() => _reader.TryRead(out var value) ? value : throw Truncated(1);

    public ushort ReadUInt16() => _reader.TryReadLittleEndian(out short value) ? (ushort)value : throw Truncated(2);

    public uint ReadUInt32() => _reader.TryReadLittleEndian(out int value) ? (uint)value : throw Truncated(4);

    public int ReadInt32() => _reader.TryReadLittleEndian(out int value) ? value : throw Truncated(4);

    public long ReadInt64() => _reader.TryReadLittleEndian(out long value) ? value : throw Truncated(8);

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

    /// <summary>Reads a length (of a string, body or array) and checks the frame holds at least that many bytes.</summary>
    public int ReadLength(int minimumBytesPerItem = 1)
    {
        var length = ReadVarUInt32();
        if ((long)length * minimumBytesPerItem > _reader.Remaining)
        {
            throw new WireProtocolException(
                $"A length of {length} in the frame runs past its end ({_reader.Remaining} bytes remain).");
        }

        return (int)length;
    }

    public string ReadString(WireInternTable<string>? cache)
    {
        var length = ReadLength();
        if (length == 0)
        {
            return string.Empty;
        }

        var unread = _reader.UnreadSpan;
        string value;
        if (unread.Length >= length)
        {
            value = Decode(unread[..length], cache);
        }
        else if (length <= StackCopyLimit)
        {
            Span<byte> copy = stackalloc byte[StackCopyLimit];
            _reader.TryCopyTo(copy[..length]);
            value = Decode(copy[..length], cache);
        }
        else
        {
            var rented = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                _reader.TryCopyTo(rented.AsSpan(0, length));
                value = Decode(rented.AsSpan(0, length), cache);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        _reader.Advance(length);
        return value;
    }

    public GrainId ReadGrainId(WireInternTable<string> typeCache)
    {
        var type = ReadString(typeCache);
        var key = ReadString(null);
        if (type.Length == 0)
        {
            // No grain type is empty, so an empty type encodes the default id (for example in a call chain).
            return key.Length == 0 ? default : throw new WireProtocolException("The frame holds a grain id with a key but no type.");
        }

        try
        {
            return new GrainId(new GrainType(type), key);
        }
        catch (ArgumentException ex)
        {
            throw new WireProtocolException($"The frame holds an invalid grain type '{type}'.", ex);
        }
    }

    public SiloAddress ReadSiloAddress(WireInternTable<SiloAddress>? cache)
    {
        if (!_reader.TryPeek(out var family))
        {
            throw Truncated(1);
        }

        var size = family switch
        {
            WireEncoding.IPv4 => 1 + 4 + 2 + 8,
            WireEncoding.IPv6 => 1 + 16 + 4 + 2 + 8,
            _ => throw new WireProtocolException($"The frame holds a silo address of unknown address family {family}."),
        };

        Span<byte> bytes = stackalloc byte[1 + 16 + 4 + 2 + 8];
        if (!_reader.TryCopyTo(bytes[..size]))
        {
            throw Truncated(size);
        }

        _reader.Advance(size);
        return cache is null ? WireEncoding.DecodeSiloAddress(bytes[..size]) : cache.GetOrAdd(bytes[..size]);
    }

    public Guid ReadGuid()
    {
        Span<byte> bytes = stackalloc byte[WireEncoding.GuidBytes];
        if (!_reader.TryCopyTo(bytes))
        {
            throw Truncated(WireEncoding.GuidBytes);
        }

        _reader.Advance(WireEncoding.GuidBytes);
        return new Guid(bytes);
    }

    /// <summary>Reads a length-prefixed byte string into a new array: it must outlive the pipe buffer it came from.</summary>
    public byte[] ReadBytes()
    {
        var length = ReadLength();
        var bytes = GC.AllocateUninitializedArray<byte>(length);
        _reader.TryCopyTo(bytes);
        _reader.Advance(length);
        return bytes;
    }

    private static string Decode(ReadOnlySpan<byte> utf8, WireInternTable<string>? cache)
    {
        try
        {
            return cache is null ? WireEncoding.StrictUtf8.GetString(utf8) : cache.GetOrAdd(utf8);
        }
        catch (DecoderFallbackException ex)
        {
            throw new WireProtocolException("The frame holds a string that is not valid UTF-8.", ex);
        }
    }

    private readonly WireProtocolException Truncated(int wanted) =>
        new($"The frame ends early: {wanted} more bytes expected, {_reader.Remaining} remain.");
}
