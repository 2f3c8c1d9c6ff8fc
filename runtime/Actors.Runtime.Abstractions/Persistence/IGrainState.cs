namespace Actors.Persistence;

/// <summary>State plus its ETag, as storage providers read and write it.</summary>
public interface IGrainState<TState>
{
    /// <summary>The state.</summary>
    TState State { get; set; }

    /// <summary>The stored version; null when nothing is stored.</summary>
    string? ETag { get; set; }

    /// <summary>True when a record is stored.</summary>
    bool RecordExists { get; set; }
}
