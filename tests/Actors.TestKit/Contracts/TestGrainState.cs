using Actors.Persistence;

namespace Actors.TestKit.Contracts;

/// <summary>What a grain's persistent state holds between storage calls: the state, its ETag, whether a record exists.</summary>
public sealed class TestGrainState<TState> : IGrainState<TState>
{
    /// <inheritdoc />
    public TState State { get; set; } = default!;

    /// <inheritdoc />
    public string? ETag { get; set; }

    /// <inheritdoc />
    public bool RecordExists { get; set; }
}
