namespace Actors.Persistence;

/// <summary>Durable state with optimistic concurrency.</summary>
public interface IStorage
{
    /// <summary>The version last read or written; null when nothing is stored.</summary>
    string? Etag { get; }

    /// <summary>True when a record is stored.</summary>
    bool RecordExists { get; }

    /// <summary>Reads the stored state (the runtime reads it once before activation).</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the state if nobody wrote since our read or write; otherwise throws <see cref="InconsistentStateException"/>.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored state (with the same ETag check) and resets <see cref="IStorage{TState}.State"/>.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
