using Actors.Placement;

namespace Actors.Cluster.TestGrains;

[NodePinnedPlacement]
public sealed class NodeRelayGrain : Grain, INodeRelayGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    public Task<SiloInfo> IncrementCounterAsync(string key) => GrainFactory.GetGrain<ICounterGrain>(key).IncrementAsync();

    public async Task<SiloInfo> TouchLocalCountersAsync(string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            await GrainFactory.GetGrain<ILocalCounterGrain>(key).IncrementAsync();
        }

        return new SiloInfo(RuntimeIdentity, _activationId, keys.Length);
    }

    public Task<SiloInfo> WhereAsync() => Task.FromResult(new SiloInfo(RuntimeIdentity, _activationId, 0));
}
