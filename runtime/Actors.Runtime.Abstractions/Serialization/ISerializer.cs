using System.Buffers;

namespace Actors.Serialization;

/// <summary>
/// The one serializer that carries grain arguments, results, grain state and message bodies. Values are
/// immutable records by convention; the runtime's implementation is System.Text.Json.
/// </summary>
public interface ISerializer
{
    /// <summary>Writes <paramref name="value"/> as its declared type <typeparamref name="T"/>.</summary>
    void Serialize<T>(T value, IBufferWriter<byte> output);

    /// <summary>Reads a value written by <see cref="Serialize{T}"/>.</summary>
    T Deserialize<T>(ReadOnlySpan<byte> input);

    /// <summary>Writes a value whose type is only known at run time.</summary>
    void Serialize(object? value, Type type, IBufferWriter<byte> output);

    /// <summary>Reads a value whose type is only known at run time.</summary>
    object? Deserialize(ReadOnlySpan<byte> input, Type type);

    /// <summary>A writer of a sequence of values into <paramref name="output"/> (request arguments, a result).</summary>
    IFieldWriter CreateFieldWriter(IBufferWriter<byte> output);

    /// <summary>A reader of a sequence written by a field writer.</summary>
    IFieldReader CreateFieldReader(ReadOnlyMemory<byte> input);
}
