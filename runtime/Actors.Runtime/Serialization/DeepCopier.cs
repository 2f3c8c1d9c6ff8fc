using System.Buffers;
using Actors.Serialization;

namespace Actors.Runtime.Serialization;

/// <summary>
/// Copies values between activations of one process by a serializer round trip, unless their type is immutable
/// (then the value itself is passed, which is what makes in-silo calls cheap).
/// </summary>
internal sealed class DeepCopier(ISerializer serializer) : IDeepCopier
{
    private readonly ISerializer _serializer = serializer;

    public T Copy<T>(T value)
    {
        if (value is null || TypeFacts<T>.IsImmutable)
        {
            return value;
        }

        // The declared type may be a base or interface type: decide and copy by what the value really is.
        var runtimeType = value.GetType();
        if (runtimeType != typeof(T) && ImmutableTypes.IsImmutable(runtimeType))
        {
            return value;
        }

        var buffer = new ArrayBufferWriter<byte>();
        _serializer.Serialize(value, runtimeType, buffer);
        return (T)_serializer.Deserialize(buffer.WrittenSpan, runtimeType)!;
    }

    private static class TypeFacts<T>
    {
        public static readonly bool IsImmutable = ImmutableTypes.IsImmutable(typeof(T));
    }
}
