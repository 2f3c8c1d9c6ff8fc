using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>In-silo calls copy mutable arguments and results, and pass immutable ones by reference.</summary>
public sealed class ArgumentIsolationTests : RuntimeTestBase
{
    [Fact]
    public async Task MutableArgumentAndResult_AreCopied()
    {
        var grain = Grains.GetGrain<IBagGrain>(Guid.NewGuid());
        var mine = new List<int> { 1, 2, 3 };

        var returned = await grain.StoreAsync(mine);
        mine.Add(4);
        returned.Add(5);

        Assert.Equal([1, 2, 3], await grain.GetStoredAsync());
        Assert.NotSame(mine, returned);
    }

    [Fact]
    public async Task ImmutableArgument_IsPassedByReference()
    {
        var bag = new ImmutableBag("b", [1, 2]);

        var echoed = await Grains.GetGrain<IBagGrain>(Guid.NewGuid()).EchoImmutableAsync(bag);

        Assert.Same(bag, echoed);
    }

    [Fact]
    public async Task OneWayCall_ReturnsAtOnce_AndRuns()
    {
        var id = Guid.NewGuid();
        var grain = Grains.GetGrain<IBagGrain>(id);

        var sent = grain.AddOneWayAsync(9);

        Assert.True(sent.IsCompletedSuccessfully);
        await Probe.WaitAsync($"one-way:{id}#1", null);
        Assert.Equal([9], await grain.GetStoredAsync());
    }
}
