using Actors.GrainInterfaces.Coordination.KeyValue;

namespace Actors.Grains.Coordination.KeyValue;

/// <summary>
/// Where the key/value store grain keeps its keys, its revision and the history of its changes. Changes are appended
/// in revision order, one revision after the other, and group-committed: <see cref="AppendAsync"/> takes the change
/// synchronously (so the caller's order is the commit order) and completes once it is durable. A failed commit fails
/// that change and every later one already appended, and the store takes no more changes until it is loaded again
/// (the grain then reloads). The store retains the history of the last <see cref="HistoryRetention"/> revisions.
/// </summary>
public interface IKeyValueStore
{
    /// <summary>How many of the latest revisions' changes the store keeps for watches (older history is deleted).</summary>
    long HistoryRetention { get; }

    /// <summary>
    /// Waits for the changes already appended, then reads every key and the store's revision; the next change appended
    /// must have that revision + 1.
    /// </summary>
    Task<KvStoreState> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Appends one change (its revision must be the previous change's + 1); the task completes when it is committed.
    /// Never blocks: the change is queued before this returns.
    /// </summary>
    /// <exception cref="InvalidOperationException">The store was not loaded, or the revision is not the next one (returned as a faulted task).</exception>
    Task AppendAsync(KvEvent change);

    /// <summary>
    /// The committed changes of <paramref name="key"/> (or of every key starting with it when <paramref name="isPrefix"/>)
    /// with revisions in [<paramref name="fromRevision"/>, <paramref name="toRevision"/>), in revision order, at most
    /// <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<KvEvent>> ReadHistoryAsync(string key, bool isPrefix, long fromRevision, long toRevision, int limit, CancellationToken cancellationToken);
}
