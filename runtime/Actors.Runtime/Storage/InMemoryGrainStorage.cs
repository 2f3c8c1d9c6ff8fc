using System.Buffers;
using System.Globalization;
using Actors.Persistence;
using Actors.Serialization;

namespace Actors.Runtime.Storage;

/// <summary>
/// Grain storage in process memory (the embedded default): same ETag semantics as the durable providers, state
/// kept serialized so no grain shares objects with storage; lost when the process ends.
/// </summary>
public sealed class InMemoryGrainStorage(ISerializer serializer, InMemoryGrainStore store) : IGrainStorage
{
    private readonly ISerializer _serializer = serializer;
    private readonly InMemoryGrainStore _store = store;

    /// <inheritdoc />
    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (_store.Records.TryGetValue((stateName, grainId), out var record))
        {
            grainState.State = _serializer.Deserialize<TState>(record.Payload);
            grainState.ETag = FormatEtag(record.Version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = StateFactory<TState>.Create();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var buffer = new ArrayBufferWriter<byte>();
        _serializer.Serialize(grainState.State, buffer);
        var payload = buffer.WrittenSpan.ToArray();
        var key = (stateName, grainId);
        while (true)
        {
            if (_store.Records.TryGetValue(key, out var current))
            {
                CheckEtag(stateName, grainId, current, grainState.ETag);
                var next = new InMemoryGrainStore.StoredRecord(payload, current.Version + 1);
                if (_store.Records.TryUpdate(key, next, current))
                {
                    grainState.ETag = FormatEtag(next.Version);
                    break;
                }
            }
            else
            {
                CheckEtag(stateName, grainId, null, grainState.ETag);
                if (_store.Records.TryAdd(key, new InMemoryGrainStore.StoredRecord(payload, 1)))
                {
                    grainState.ETag = FormatEtag(1);
                    break;
                }
            }
        }

        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = (stateName, grainId);
        if (_store.Records.TryGetValue(key, out var current))
        {
            CheckEtag(stateName, grainId, current, grainState.ETag);
            if (!_store.Records.TryRemove(new KeyValuePair<(string, GrainId), InMemoryGrainStore.StoredRecord>(key, current)))
            {
                throw Conflict(stateName, grainId, "changed during the clear", grainState.ETag);
            }
        }
        else
        {
            CheckEtag(stateName, grainId, null, grainState.ETag);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static void CheckEtag(string stateName, GrainId grainId, InMemoryGrainStore.StoredRecord? stored, string? held)
    {
        var storedEtag = stored is null ? null : FormatEtag(stored.Version);
        if (!string.Equals(storedEtag, held, StringComparison.Ordinal))
        {
            throw Conflict(stateName, grainId, storedEtag ?? "absent", held);
        }
    }

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, string stored, string? held) =>
        new($"State '{stateName}' of {grainId} is at version {stored} but the writer holds {held ?? "none"}: it changed since it was read.",
            stored, held);

    private static string FormatEtag(long version) => version.ToString(CultureInfo.InvariantCulture);
}
