namespace Actors.Serialization;

/// <summary>
/// Copies values that cross between activations in one process so neither side sees the other's later
/// mutations. Values of immutable types are returned as they are.
/// </summary>
public interface IDeepCopier
{
    /// <summary>Returns <paramref name="value"/> when its type is immutable, otherwise a deep copy.</summary>
    T Copy<T>(T value);
}
