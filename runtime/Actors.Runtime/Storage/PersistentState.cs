using Actors.Persistence;

namespace Actors.Runtime.Storage;

/// <summary>A grain's named state bound to a storage provider (what [PersistentState] parameters receive).</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IGrainState<TState>
{
    private readonly string _stateName;
    private readonly GrainId _grainId;
    private readonly IGrainStorage _storage;

    public PersistentState(string stateName, GrainId grainId, IGrainStorage storage)
    {
        _stateName = stateName;
        _grainId = grainId;
        _storage = storage;
        State = StateFactory<TState>.Create();
    }

    public TState State { get; set; }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public string? Etag => ETag;

    public Task ReadStateAsync(CancellationToken cancellationToken = default) =>
        _storage.ReadStateAsync(_stateName, _grainId, this, cancellationToken);

    public Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        _storage.WriteStateAsync(_stateName, _grainId, this, cancellationToken);

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await _storage.ClearStateAsync(_stateName, _grainId, this, cancellationToken);
        State = StateFactory<TState>.Create();
    }

    public override string ToString() => $"state '{_stateName}' of {_grainId} (etag {ETag ?? "none"})";
}
