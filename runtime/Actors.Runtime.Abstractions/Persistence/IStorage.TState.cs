namespace Actors.Persistence;

/// <summary>Durable state of type <typeparamref name="TState"/>.</summary>
public interface IStorage<TState> : IStorage
{
    /// <summary>The in-memory state; a new instance when nothing is stored.</summary>
    TState State { get; set; }
}
