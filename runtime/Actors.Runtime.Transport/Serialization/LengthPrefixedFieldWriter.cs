using System.Buffers;
using System.Buffers.Binary;
using Actors.Serialization;

namespace Actors.Transport.Serialization;

/// <summary>Writes each value as a 4-byte little-endian length and its serialized bytes, so fields can be read one by one.</summary>
internal sealed class LengthPrefixedFieldWriter(ISerializer serializer, IBufferWriter<byte> output) : IFieldWriter
{
    private readonly ISerializer _serializer = serializer;
    private readonly IBufferWriter<byte> _output = output;

    // The length goes before the bytes, so each field is serialized here first; reused across fields.
    private readonly ArrayBufferWriter<byte> _field = new();

    public void Write<T>(T value)
    {
        _field.ResetWrittenCount();
        _serializer.Serialize(value, _field);
        BinaryPrimitives.WriteInt32LittleEndian(_output.GetSpan(4), _field.WrittenCount);
        _output.Advance(4);
        _output.Write(_field.WrittenSpan);
    }
}
