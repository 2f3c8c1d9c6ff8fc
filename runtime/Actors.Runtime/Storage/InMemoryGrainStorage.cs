using System.Buffers;
using System.Globalization;
using Actors.Persistence;
using Actors.Serialization;

namespace Actors.Runtime.Storage;

/// <summary>
/// Grain storage in process memory (the embedded default): same ETag semantics as the durable providers, state
/// kept serialized so no grain shares objects with storage; lost when the process ends.
/// </summary>
/// <remarks>
/// A clear leaves a tombstone with the next version instead of removing the record, so versions never repeat:
/// an ETag held from before a clear can never match a record written after it.
/// </remarks>
public sealed class InMemoryGrainStorage(ISerializer serializer, InMemoryGrainStore store) : IGrainStorage
{
    private readonly ISerializer _serializer = serializer;
    private readonly InMemoryGrainStore _store = store;

    /// <inheritdoc />
    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (_store.Records.TryGetValue((stateName, grainId), out var record) && record.Payload is { } payload)
        {
            grainState.State = _serializer.Deserialize<TState>(payload);
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
        var written = Replace(stateName, grainId, grainState.ETag, buffer.WrittenSpan.ToArray());
        grainState.ETag = FormatEtag(written);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);

        // Holding no ETag means "I saw nothing stored": then clearing changes nothing, or conflicts if a record appeared.
        if (grainState.ETag is not null || (_store.Records.TryGetValue((stateName, grainId), out var current) && current.Exists))
        {
            Replace(stateName, grainId, grainState.ETag, payload: null);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Stores <paramref name="payload"/> (null: a tombstone) at the next version if the record is at <paramref name="heldEtag"/>.</summary>
    private long Replace(string stateName, GrainId grainId, string? heldEtag, byte[]? payload)
    {
        var key = (stateName, grainId);
        while (true)
        {
            if (_store.Records.TryGetValue(key, out var current))
            {
                CheckEtag(stateName, grainId, current, heldEtag);
                var next = new InMemoryGrainStore.StoredRecord(payload, current.Version + 1);
                if (_store.Records.TryUpdate(key, next, current))
                {
                    return next.Version;
                }
            }
            else
            {
                CheckEtag(stateName, grainId, null, heldEtag);
                if (_store.Records.TryAdd(key, new InMemoryGrainStore.StoredRecord(payload, 1)))
                {
                    return 1;
                }
            }
        }
    }

    private static void CheckEtag(string stateName, GrainId grainId, InMemoryGrainStore.StoredRecord? stored, string? held)
    {
        var storedEtag = stored is { Exists: true } ? FormatEtag(stored.Version) : null;
        if (!string.Equals(storedEtag, held, StringComparison.Ordinal))
        {
            throw new InconsistentStateException(
                $"State '{stateName}' of {grainId} is at version {storedEtag ?? "absent"} but the writer holds {held ?? "none"}: it changed since it was read.",
                storedEtag,
                held);
        }
    }

    private static string FormatEtag(long version) => version.ToString(CultureInfo.InvariantCulture);
}
