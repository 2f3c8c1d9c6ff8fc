using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>Grain timers: in-memory, ticking as turns of their activation.</summary>
public sealed class TimerTests : IAsyncLifetime
{
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(20);
    private readonly Probe _probe = new();
    private TestCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await RuntimeTestCluster.StartAsync(_probe);

    public async ValueTask DisposeAsync()
    {
        _probe.Open("never");
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Timer_TicksRepeatedly()
    {
        var grain = _cluster.GrainFactory.GetGrain<ITimerGrain>("repeat");

        await grain.StartAsync(TimeSpan.Zero, Fast, interleave: false, callbackGate: null);

        await _probe.WaitForCountAsync("timer:repeat", 5);
        Assert.True(await grain.GetTicksAsync() >= 5);
    }

    [Fact]
    public async Task Timer_WaitsItsTurn_WhileARequestHoldsTheActivation()
    {
        var grain = _cluster.GrainFactory.GetGrain<ITimerGrain>("turns");
        await grain.StartAsync(TimeSpan.Zero, Fast, interleave: false, callbackGate: null);
        await _probe.WaitForCountAsync("timer:turns", 1);

        var hold = grain.HoldAsync("turns-release");
        await _probe.WaitAsync("holding:turns", null);
        var ticksAtHold = _probe.Count("timer:turns");
        _probe.Open("turns-release");
        await hold;
        await _probe.WaitForCountAsync("timer:turns", ticksAtHold + 2);

        Assert.Equal(0, _probe.Count("timer:turns:during-hold"));
    }

    [Fact]
    public async Task InterleavingTimer_TicksWhileARequestHoldsTheActivation()
    {
        var grain = _cluster.GrainFactory.GetGrain<ITimerGrain>("interleaved");
        await grain.StartAsync(TimeSpan.Zero, Fast, interleave: true, callbackGate: null);

        var hold = grain.HoldAsync("interleaved-release");
        await _probe.WaitAsync("holding:interleaved", null);

        await _probe.WaitAsync("timer:interleaved:during-hold", null);
        _probe.Open("interleaved-release");
        await hold;
    }

    [Fact]
    public async Task TimerTicks_NeverOverlap()
    {
        var held = _cluster.GrainFactory.GetGrain<ITimerGrain>("held-tick");
        var clock = _cluster.GrainFactory.GetGrain<ITimerGrain>("clock-1");
        await held.StartAsync(TimeSpan.Zero, TimeSpan.FromMilliseconds(1), interleave: true, callbackGate: "held-tick-release");
        await _probe.WaitForCountAsync("timer:held-tick", 1);

        await clock.StartAsync(TimeSpan.Zero, Fast, interleave: false, callbackGate: null);
        await _probe.WaitForCountAsync("timer:clock-1", 5);
        Assert.Equal(1, _probe.Count("timer:held-tick"));

        _probe.Open("held-tick-release");
        await _probe.WaitForCountAsync("timer:held-tick", 3);
    }

    [Fact]
    public async Task DisposedTimer_StopsTicking()
    {
        var stopped = _cluster.GrainFactory.GetGrain<ITimerGrain>("stopped");
        var clock = _cluster.GrainFactory.GetGrain<ITimerGrain>("clock-2");
        await stopped.StartAsync(TimeSpan.Zero, Fast, interleave: false, callbackGate: null);
        await _probe.WaitForCountAsync("timer:stopped", 2);

        await stopped.StopAsync();
        var atStop = await stopped.GetTicksAsync();
        await clock.StartAsync(TimeSpan.Zero, Fast, interleave: false, callbackGate: null);
        await _probe.WaitForCountAsync("timer:clock-2", 10);

        Assert.Equal(atStop, await stopped.GetTicksAsync());
    }
}
