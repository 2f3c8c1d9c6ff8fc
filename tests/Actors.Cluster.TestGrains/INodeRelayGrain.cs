namespace Actors.Cluster.TestGrains;

/// <summary>Pinned to the node named by its key: makes calls from that node's silo.</summary>
public interface INodeRelayGrain : IGrainWithStringKey
{
    /// <summary>Increments the counter <paramref name="key"/> from this silo.</summary>
    Task<SiloInfo> IncrementCounterAsync(string key);

    /// <summary>Activates the given counters from this silo (prefer-local ones then live here).</summary>
    Task<SiloInfo> TouchLocalCountersAsync(string[] keys);

    Task<SiloInfo> WhereAsync();
}
