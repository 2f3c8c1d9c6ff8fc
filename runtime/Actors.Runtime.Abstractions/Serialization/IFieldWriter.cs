namespace Actors.Serialization;

/// <summary>Writes a sequence of values (request arguments, a result) with the runtime's serializer.</summary>
public interface IFieldWriter
{
    /// <summary>Writes the next value.</summary>
    void Write<T>(T value);
}
