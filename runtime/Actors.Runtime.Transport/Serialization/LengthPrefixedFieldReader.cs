using System.Buffers.Binary;
using Actors.Serialization;

namespace Actors.Transport.Serialization;

/// <summary>Reads the fields a <see cref="LengthPrefixedFieldWriter"/> wrote.</summary>
internal sealed class LengthPrefixedFieldReader(ISerializer serializer, ReadOnlyMemory<byte> input) : IFieldReader
{
    private readonly ISerializer _serializer = serializer;
    private ReadOnlyMemory<byte> _remaining = input;

    public T Read<T>()
    {
        if (_remaining.Length < 4)
        {
            throw new InvalidDataException("A serialized field sequence ended early.");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(_remaining.Span);
        if (length < 0 || length > _remaining.Length - 4)
        {
            throw new InvalidDataException($"A serialized field claims {length} bytes but {_remaining.Length - 4} remain.");
        }

        var value = _serializer.Deserialize<T>(_remaining.Span.Slice(4, length));
        _remaining = _remaining[(4 + length)..];
        return value;
    }
}
