using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>Turn-based scheduling: one request at a time unless the class or method allows interleaving.</summary>
public sealed class TurnSchedulingTests : RuntimeTestBase
{
    [Fact]
    public async Task NonReentrantGrain_ManyConcurrentRequests_NeverMoreThanOneInside()
    {
        var grain = Grains.GetGrain<IConcurrencyGrain>("serial");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => grain.YieldAsync(yields: 5)));

        var stats = await grain.GetStatsAsync();
        Assert.Equal(1, stats.MaxInside);
        Assert.Equal(50, stats.Completed);
    }

    [Fact]
    public async Task NonReentrantGrain_SecondRequest_StartsOnlyWhenTheFirstFinishes()
    {
        var grain = Grains.GetGrain<IConcurrencyGrain>("wait");
        var first = grain.HoldAsync("first");
        await Probe.WaitAsync("entered:wait#1", null);
        var second = grain.HoldAsync("second");

        // [AlwaysInterleave] reads the counters while the first request holds the activation.
        var whileHolding = await grain.GetStatsAsync();
        Assert.Equal(new ConcurrencyStats(Inside: 1, MaxInside: 1, Completed: 0), whileHolding);
        Assert.Equal(1, Probe.Count("entered:wait"));

        Probe.Open("first");
        await first;
        await Probe.WaitAsync("entered:wait#2", null);
        Probe.Open("second");
        await second;
        Assert.Equal(new ConcurrencyStats(Inside: 0, MaxInside: 1, Completed: 2), await grain.GetStatsAsync());
    }

    [Fact]
    public async Task ReentrantGrain_RequestsInterleaveAtAwaits()
    {
        var grain = Grains.GetGrain<IReentrantConcurrencyGrain>("reentrant");

        var first = grain.HoldAsync("reentrant-gate");
        var second = grain.HoldAsync("reentrant-gate");
        await Probe.WaitAsync("entered:reentrant#2", null);

        Assert.Equal(2, (await grain.GetStatsAsync()).Inside);
        Probe.Open("reentrant-gate");
        await Task.WhenAll(first, second);
        Assert.Equal(new ConcurrencyStats(Inside: 0, MaxInside: 2, Completed: 2), await grain.GetStatsAsync());
    }

    [Fact]
    public async Task ReadOnlyRequests_InterleaveWithEachOther_ButNotWithAWrite()
    {
        var grain = Grains.GetGrain<IConcurrencyGrain>("readers");

        var readA = grain.ReadHoldAsync("readers-gate");
        var readB = grain.ReadHoldAsync("readers-gate");
        await Probe.WaitAsync("entered:readers#2", null);
        var write = grain.HoldAsync("writer-gate");

        var stats = await grain.GetStatsAsync();
        Assert.Equal(2, stats.Inside);
        Assert.Equal(2, Probe.Count("entered:readers"));

        Probe.Open("readers-gate");
        await Task.WhenAll(readA, readB);
        await Probe.WaitAsync("entered:readers#3", null);
        Assert.Equal(1, (await grain.GetStatsAsync()).Inside);
        Probe.Open("writer-gate");
        await write;
    }

    [Fact]
    public async Task WriteRequest_HoldsBackReadOnlyRequestsBehindIt()
    {
        var grain = Grains.GetGrain<IConcurrencyGrain>("writer-first");

        var write = grain.HoldAsync("w-gate");
        await Probe.WaitAsync("entered:writer-first#1", null);
        var read = grain.ReadHoldAsync("r-gate");

        Assert.Equal(1, (await grain.GetStatsAsync()).Inside);
        Probe.Open("w-gate");
        await write;
        await Probe.WaitAsync("entered:writer-first#2", null);
        Probe.Open("r-gate");
        await read;
        Assert.Equal(1, (await grain.GetStatsAsync()).MaxInside);
    }
}
