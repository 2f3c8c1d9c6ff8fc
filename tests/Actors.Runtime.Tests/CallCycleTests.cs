using System.Diagnostics;
using Actors.Runtime.Tests.Grains;

namespace Actors.Runtime.Tests;

/// <summary>A cycle of calls among non-reentrant grains fails at once with the chain named, instead of timing out.</summary>
public sealed class CallCycleTests : RuntimeTestBase
{
    [Fact]
    public async Task CycleThroughTwoGrains_FailsFastWithTheChain()
    {
        var a = Grains.GetGrain<ICycleGrain>("a");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DeadlockException>(() => a.CallAlongAsync(["b", "a"]));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(["cycle/a", "cycle/b", "cycle/a"], error.CallChain.Select(g => g.ToString()));
        Assert.Contains("cycle/a -> cycle/b -> cycle/a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfCall_FailsFast()
    {
        var error = await Assert.ThrowsAsync<DeadlockException>(() => Grains.GetGrain<ICycleGrain>("self").CallAlongAsync(["self"]));

        Assert.Equal(["cycle/self", "cycle/self"], error.CallChain.Select(g => g.ToString()));
    }

    [Fact]
    public async Task LongerCycle_NamesEveryGrain()
    {
        var error = await Assert.ThrowsAsync<DeadlockException>(() => Grains.GetGrain<ICycleGrain>("x").CallAlongAsync(["y", "z", "x"]));

        Assert.Equal(["cycle/x", "cycle/y", "cycle/z", "cycle/x"], error.CallChain.Select(g => g.ToString()));
    }

    [Fact]
    public async Task ChainWithoutCycle_Completes()
    {
        Assert.Equal("n3", await Grains.GetGrain<ICycleGrain>("n0").CallAlongAsync(["n1", "n2", "n3"]));
    }

    [Fact]
    public async Task CycleThroughAlwaysInterleaveMethods_IsNotADeadlock()
    {
        Assert.Equal("i1", await Grains.GetGrain<ICycleGrain>("i1").CallAlongInterleavedAsync(["i2", "i1"]));
    }

    [Fact]
    public async Task CycleFailure_LeavesTheGrainsUsable()
    {
        var p = Grains.GetGrain<ICycleGrain>("p");
        await Assert.ThrowsAsync<DeadlockException>(() => p.CallAlongAsync(["q", "p"]));

        Assert.Equal("q", await p.CallAlongAsync(["q"]));
    }
}
