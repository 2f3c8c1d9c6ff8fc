using System.Buffers;
using System.Collections.Concurrent;
using Actors.Serialization;

namespace Actors.Runtime.Serialization;

/// <summary>
/// Copies values between activations of one process by a serializer round trip, unless their type is immutable
/// (then the value itself is passed, which is what makes in-silo calls cheap).
/// </summary>
internal sealed class DeepCopier(ISerializer serializer) : IDeepCopier
{
    private readonly ISerializer _serializer = serializer;

    // Which type to read a copy back as, per (runtime type, declared type): the runtime type keeps a derived
    // type's data, but compiler-generated types (collection expressions, anonymous types) cannot be constructed
    // by the serializer, so those are read back as the declared type.
    private readonly ConcurrentDictionary<(Type Runtime, Type Declared), Type> _readAs = new();

    public T Copy<T>(T value)
    {
        if (value is null || TypeFacts<T>.IsImmutable)
        {
            return value;
        }

        var runtimeType = value.GetType();
        if (runtimeType != typeof(T) && ImmutableTypes.IsImmutable(runtimeType))
        {
            return value;
        }

        var buffer = new ArrayBufferWriter<byte>();
        _serializer.Serialize(value, runtimeType, buffer);
        if (_readAs.TryGetValue((runtimeType, typeof(T)), out var readAs))
        {
            return (T)_serializer.Deserialize(buffer.WrittenSpan, readAs)!;
        }

        readAs = runtimeType.IsVisible ? runtimeType : typeof(T);
        try
        {
            var copy = (T)_serializer.Deserialize(buffer.WrittenSpan, readAs)!;
            _readAs.TryAdd((runtimeType, typeof(T)), readAs);
            return copy;
        }
        catch (NotSupportedException) when (readAs != typeof(T))
        {
            _readAs.TryAdd((runtimeType, typeof(T)), typeof(T));
            return (T)_serializer.Deserialize(buffer.WrittenSpan, typeof(T))!;
        }
    }

    private static class TypeFacts<T>
    {
        public static readonly bool IsImmutable = ImmutableTypes.IsImmutable(typeof(T));
    }
}
