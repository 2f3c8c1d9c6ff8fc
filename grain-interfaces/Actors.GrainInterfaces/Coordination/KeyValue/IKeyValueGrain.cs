using Actors.GrainInterfaces.Coordination.Sessions;

namespace Actors.GrainInterfaces.Coordination.KeyValue;

/// <summary>
/// The cluster's key/value store (key = <see cref="DefaultName"/>), etcd-shaped: every change gets the next
/// cluster-wide revision and is durable before it is answered; compare-and-set on a key's modification revision;
/// ephemeral keys vanish with their session; watches deliver every change of a key or prefix in revision order, with
/// no gaps, resumable from any retained revision.
/// </summary>
public interface IKeyValueGrain : ISessionBound, IGrainWithStringKey
{
    /// <summary>The one store of a cluster.</summary>
    const string DefaultName = "default";

    /// <summary>Writes a key (compare-and-set when <see cref="KvPut.ExpectedRevision"/> is given).</summary>
    Task<KvWriteResult> PutAsync(KvPut put);

    /// <summary>Deletes a key (compare-and-set when <paramref name="expectedRevision"/> is given).</summary>
    Task<KvWriteResult> DeleteAsync(string key, long? expectedRevision);

    /// <summary>The key's entry, or null; with the store's revision.</summary>
    [ReadOnly]
    Task<KvGetResult> GetAsync(string key);

    /// <summary>Keys starting with <paramref name="prefix"/>, in ordinal order after <paramref name="after"/> (exclusive; null from the start), at most <paramref name="limit"/>.</summary>
    [ReadOnly]
    Task<KvRangeResult> RangeAsync(string prefix, string? after, int limit);

    /// <summary>
    /// The changes of the watched key or prefix with revisions from <see cref="KvWatchRequest.FromRevision"/> on,
    /// waiting up to <see cref="KvWatchRequest.MaxWait"/> for the first one. Interleaves, so watchers never hold the store.
    /// </summary>
    [AlwaysInterleave]
    Task<KvWatchBatch> WatchAsync(KvWatchRequest request);
}
