using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.Grains.Coordination.KeyValue;

namespace Actors.Coordination.KeyValue.Tests;

/// <summary>An in-memory store whose commit of one chosen revision fails; like the real ones it then refuses changes until loaded again.</summary>
internal sealed class FailingKeyValueStore(InMemoryKeyValueStore inner) : IKeyValueStore
{
    private readonly Lock _lock = new();
    private long _failRevision = -1;
    private bool _mustLoad;

    public long HistoryRetention => inner.HistoryRetention;

    public int Loads { get; private set; }

    /// <summary>The commit of <paramref name="revision"/> will fail.</summary>
    public void FailAt(long revision)
    {
        lock (_lock)
        {
            _failRevision = revision;
        }
    }

    public Task<KvStoreState> LoadAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _mustLoad = false;
            Loads++;
        }

        return inner.LoadAsync(cancellationToken);
    }

    public Task AppendAsync(KvEvent change)
    {
        lock (_lock)
        {
            if (_mustLoad || change.Revision == _failRevision)
            {
                _mustLoad = true;
                _failRevision = -1;
                return Task.FromException(new InvalidOperationException($"Injected commit failure at revision {change.Revision}."));
            }
        }

        return inner.AppendAsync(change);
    }

    public Task<IReadOnlyList<KvEvent>> ReadHistoryAsync(string key, bool isPrefix, long fromRevision, long toRevision, int limit, CancellationToken cancellationToken) =>
        inner.ReadHistoryAsync(key, isPrefix, fromRevision, toRevision, limit, cancellationToken);
}
