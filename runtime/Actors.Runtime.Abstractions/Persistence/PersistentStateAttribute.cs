namespace Actors.Persistence;

/// <summary>Marks a constructor parameter of type <see cref="IPersistentState{TState}"/> for injection.</summary>
/// <param name="stateName">The state's name, unique within the grain.</param>
/// <param name="storageName">The storage provider's name; null for the default one.</param>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>The state's name.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The storage provider's name, or null for the default.</summary>
    public string? StorageName { get; } = storageName;
}
