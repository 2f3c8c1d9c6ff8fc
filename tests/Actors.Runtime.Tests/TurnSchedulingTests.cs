using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>Turn-based scheduling: one request at a time unless the class or method allows interleaving.</summary>
public sealed class TurnSchedulingTests : IAsyncLifetime
{
    private readonly Probe _probe = new();
    private TestCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await RuntimeTestCluster.StartAsync(_probe);

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task NonReentrantGrain_ManyConcurrentRequests_NeverMoreThanOneInside()
    {
        var grain = _cluster.GrainFactory.GetGrain<IConcurrencyGrain>("serial");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => grain.YieldAsync(yields: 5)));

        var stats = await grain.GetStatsAsync();
        Assert.Equal(1, stats.MaxInside);
        Assert.Equal(50, stats.Completed);
    }

    [Fact]
    public async Task NonReentrantGrain_SecondRequest_StartsOnlyWhenTheFirstFinishes()
    {
        var grain = _cluster.GrainFactory.GetGrain<IConcurrencyGrain>("wait");
        var first = grain.HoldAsync("first");
        await _probe.WaitAsync("entered:wait#1", null);
        var second = grain.HoldAsync("second");

        // [AlwaysInterleave] reads the counters while the first request holds the activation.
        var whileHolding = await grain.GetStatsAsync();
        Assert.Equal(new ConcurrencyStats(Inside: 1, MaxInside: 1, Completed: 0), whileHolding);
        Assert.Equal(1, _probe.Count("entered:wait"));

        _probe.Open("first");
        await first;
        await _probe.WaitAsync("entered:wait#2", null);
        _probe.Open("second");
        await second;
        Assert.Equal(new ConcurrencyStats(Inside: 0, MaxInside: 1, Completed: 2), await grain.GetStatsAsync());
    }

    [Fact]
    public async Task ReentrantGrain_RequestsInterleaveAtAwaits()
    {
        var grain = _cluster.GrainFactory.GetGrain<IReentrantConcurrencyGrain>("reentrant");

        var first = grain.HoldAsync("reentrant-gate");
        var second = grain.HoldAsync("reentrant-gate");
        await _probe.WaitAsync("entered:reentrant#2", null);

        Assert.Equal(2, (await grain.GetStatsAsync()).Inside);
        _probe.Open("reentrant-gate");
        await Task.WhenAll(first, second);
        Assert.Equal(new ConcurrencyStats(Inside: 0, MaxInside: 2, Completed: 2), await grain.GetStatsAsync());
    }

    [Fact]
    public async Task ReadOnlyRequests_InterleaveWithEachOther_ButNotWithAWrite()
    {
        var grain = _cluster.GrainFactory.GetGrain<IConcurrencyGrain>("readers");

        var readA = grain.ReadHoldAsync("readers-gate");
        var readB = grain.ReadHoldAsync("readers-gate");
        await _probe.WaitAsync("entered:readers#2", null);
        var write = grain.HoldAsync("writer-gate");

        var stats = await grain.GetStatsAsync();
        Assert.Equal(2, stats.Inside);
        Assert.Equal(2, _probe.Count("entered:readers"));

        _probe.Open("readers-gate");
        await Task.WhenAll(readA, readB);
        await _probe.WaitAsync("entered:readers#3", null);
        Assert.Equal(1, (await grain.GetStatsAsync()).Inside);
        _probe.Open("writer-gate");
        await write;
    }

    [Fact]
    public async Task WriteRequest_HoldsBackReadOnlyRequestsBehindIt()
    {
        var grain = _cluster.GrainFactory.GetGrain<IConcurrencyGrain>("writer-first");

        var write = grain.HoldAsync("w-gate");
        await _probe.WaitAsync("entered:writer-first#1", null);
        var read = grain.ReadHoldAsync("r-gate");

        Assert.Equal(1, (await grain.GetStatsAsync()).Inside);
        _probe.Open("w-gate");
        await write;
        await _probe.WaitAsync("entered:writer-first#2", null);
        _probe.Open("r-gate");
        await read;
        Assert.Equal(1, (await grain.GetStatsAsync()).MaxInside);
    }
}
