namespace Actors.Serialization;

/// <summary>Reads back, in order, the values an <see cref="IFieldWriter"/> wrote.</summary>
public interface IFieldReader
{
    /// <summary>Reads the next value.</summary>
    T Read<T>();
}
