using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Actors.Transport;

/// <summary>
/// Writes the binary encoding into a span sized in advance (by the <see cref="WireEncoding"/> size functions), so
/// a frame is encoded with one bounds check per field and no intermediate buffers.
/// </summary>
internal ref struct WireSpanWriter
{
    private readonly Span<byte> _span;
    private int _position;

    public WireSpanWriter(Span<byte> span)
    {
        _span = span;
        _position = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Position => _position;

    public void WriteByte(byte value) => _span[_position++] = value;

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_span[_position..], value);
        _position += 2;
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_span[_position..], value);
        _position += 4;
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_span[_position..], value);
        _position += 4;
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_span[_position..], value);
        _position += 8;
    }

    public void WriteVarUInt32(uint value)
    {
        while (value >= 0x80)
        {
            _span[_position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _span[_position++] = (byte)value;
    }

    public void WriteString(string value)
    {
        if (value.Length <= WireEncoding.OneByteLengthChars)
        {
            // Short strings (names, keys, ids) in one pass: encode, then fill in the one-byte length in front.
            var lengthAt = _position++;
            var written = Encoding.UTF8.GetBytes(value, _span[_position..]);
            _span[lengthAt] = (byte)written;
            _position += written;
            return;
        }

        WriteVarUInt32((uint)Encoding.UTF8.GetByteCount(value));
        _position += Encoding.UTF8.GetBytes(value, _span[_position..]);
    }

    /// <summary>Overwrites 4 bytes at <paramref name="offset"/> (the frame's length prefix, known only at the end).</summary>
    public readonly void PatchUInt32(int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(_span[offset..], value);

    public void WriteGrainId(GrainId id)
    {
        WriteString(id.Type.Value);
        WriteString(id.Key);
    }

    public void WriteSiloAddress(SiloAddress silo)
    {
        var endpoint = silo.Endpoint;
        if (endpoint.AddressFamily == AddressFamily.InterNetworkV6)
        {
            WriteByte(WireEncoding.IPv6);
            endpoint.Address.TryWriteBytes(_span.Slice(_position, 16), out _);
            _position += 16;
            WriteUInt32((uint)endpoint.Address.ScopeId);
        }
        else
        {
            WriteByte(WireEncoding.IPv4);
            endpoint.Address.TryWriteBytes(_span.Slice(_position, 4), out _);
            _position += 4;
        }

        WriteUInt16((ushort)endpoint.Port);
        WriteInt64(silo.Generation);
    }

    public void WriteGuid(Guid value)
    {
        value.TryWriteBytes(_span.Slice(_position, WireEncoding.GuidBytes));
        _position += WireEncoding.GuidBytes;
    }
}
