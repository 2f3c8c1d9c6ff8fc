namespace Actors.Persistence;

/// <summary>
/// A grain's named durable state, injected into its constructor through <see cref="PersistentStateAttribute"/>
/// and read before <see cref="Grain.OnActivateAsync"/>.
/// </summary>
public interface IPersistentState<TState> : IStorage<TState>;
