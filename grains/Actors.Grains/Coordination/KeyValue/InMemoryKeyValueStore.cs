using Actors.GrainInterfaces.Coordination.KeyValue;

namespace Actors.Grains.Coordination.KeyValue;

/// <summary>
/// A key/value store in this process's memory (the embedded mode and tests): the same rules as the PostgreSQL one
/// (revisions one after the other, loaded before appending, history retention), each change "committed" at once.
/// Thread-safe.
/// </summary>
public sealed class InMemoryKeyValueStore : IKeyValueStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, KvEntry> _keys = new(StringComparer.Ordinal);
    private readonly List<KvEvent> _history = [];
    private long _revision;
    private long _next = -1;

    /// <summary>Creates an empty store keeping the history of the last <paramref name="historyRetention"/> revisions.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="historyRetention"/> is below 1.</exception>
    public InMemoryKeyValueStore(long historyRetention = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(historyRetention, 1);
        HistoryRetention = historyRetention;
    }

    /// <inheritdoc />
    public long HistoryRetention { get; }

    /// <summary>Changes committed so far (a test's view).</summary>
    public long CommittedChanges { get; private set; }

    /// <inheritdoc />
    public Task<KvStoreState> LoadAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _next = _revision + 1;
            return Task.FromResult(new KvStoreState([.. _keys.Values], _revision));
        }
    }

    /// <inheritdoc />
    public Task AppendAsync(KvEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            if (_next < 0 || change.Revision != _next)
            {
                return Task.FromException(new InvalidOperationException(
                    _next < 0
                        ? "The key/value store must be loaded before changes are appended."
                        : $"Key/value change revision {change.Revision} is not the next one ({_next}); another writer moved the store on."));
            }

            _next++;
            if (change.Type == KvEventType.Put)
            {
                _keys[change.Key] = change.Entry ?? throw new ArgumentException("A put change carries its entry.", nameof(change));
            }
            else
            {
                _keys.Remove(change.Key);
            }

            _revision = change.Revision;
            _history.Add(change);
            var compacted = _revision - HistoryRetention;
            if (_history.Count > 0 && _history[0].Revision <= compacted)
            {
                _history.RemoveAll(e => e.Revision <= compacted);
            }

            CommittedChanges++;
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<KvEvent>> ReadHistoryAsync(string key, bool isPrefix, long fromRevision, long toRevision, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            IReadOnlyList<KvEvent> events = [.. _history
                .Where(e => e.Revision >= fromRevision && e.Revision < toRevision && KvHistoryFilter.Matches(e.Key, key, isPrefix))
                .Take(limit)];
            return Task.FromResult(events);
        }
    }
}
