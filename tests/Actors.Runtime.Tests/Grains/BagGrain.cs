using Actors.TestKit;

namespace Actors.Runtime.Tests.Grains;

public sealed class BagGrain(Probe probe) : Grain, IBagGrain
{
    private List<int> _stored = [];

    public Task<List<int>> StoreAsync(List<int> items)
    {
        _stored = items;
        return Task.FromResult(items);
    }

    public Task<List<int>> GetStoredAsync() => Task.FromResult(_stored);

    public Task<ImmutableBag> EchoImmutableAsync(ImmutableBag bag) => Task.FromResult(bag);

    public Task AddOneWayAsync(int item)
    {
        _stored.Add(item);
        probe.SignalCounted("one-way:" + this.GetPrimaryKey());
        return Task.CompletedTask;
    }
}
