namespace Actors.Runtime.Storage;

/// <summary>Makes the empty state a grain sees when nothing is stored: a new instance when the type has a parameterless constructor.</summary>
public static class StateFactory<TState>
{
    private static readonly bool CanConstruct =
        typeof(TState).IsValueType || (!typeof(TState).IsAbstract && typeof(TState).GetConstructor(Type.EmptyTypes) is not null);

    /// <summary>A new empty state (default when the type cannot be constructed).</summary>
    public static TState Create() => CanConstruct ? Activator.CreateInstance<TState>() : default!;
}
