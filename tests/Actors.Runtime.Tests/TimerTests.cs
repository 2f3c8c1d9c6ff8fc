using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>Grain timers: in-memory, ticking as turns of their activation.</summary>
public sealed class TimerTests : RuntimeTestBase
{
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task Timer_TicksRepeatedly()
    {
        var grain = Grains.GetGrain<ITimerGrain>("repeat");

        await grain.StartAsync(TimeSpan.Zero, Fast, interleave: false, callbackGate: null);

        await Probe.WaitForCountAsync("timer:repeat", 5);
        Assert.True(await grain.GetTicksAsync() >= 5);
    }

    [Fact]
    public async Task Timer_WaitsItsTurn_WhileARequestHoldsTheActivation()
    {
        var grain = Grains.GetGrain<ITimerGrain>("turns");
        await grain.StartAsync(TimeSpan.Zero, Fast, interleave: false, callbackGate: null);
        await Probe.WaitForCountAsync("timer:turns", 1);

        var hold = grain.HoldAsync("turns-release");
        await Probe.WaitAsync("holding:turns", null);
        var ticksAtHold = Probe.Count("timer:turns");
        Probe.Open("turns-release");
        await hold;
        await Probe.WaitForCountAsync("timer:turns", ticksAtHold + 2);

        Assert.Equal(0, Probe.Count("timer:turns:during-hold"));
    }

    [Fact]
    public async Task InterleavingTimer_TicksWhileARequestHoldsTheActivation()
    {
        var grain = Grains.GetGrain<ITimerGrain>("interleaved");
        await grain.StartAsync(TimeSpan.Zero, Fast, interleave: true, callbackGate: null);

        var hold = grain.HoldAsync("interleaved-release");
        await Probe.WaitAsync("holding:interleaved", null);

        await Probe.WaitAsync("timer:interleaved:during-hold", null);
        Probe.Open("interleaved-release");
        await hold;
    }

    [Fact]
    public async Task TimerTicks_NeverOverlap()
    {
        var held = Grains.GetGrain<ITimerGrain>("held-tick");
        var clock = Grains.GetGrain<ITimerGrain>("clock-1");
        await held.StartAsync(TimeSpan.Zero, TimeSpan.FromMilliseconds(1), interleave: true, callbackGate: "held-tick-release");
        await Probe.WaitForCountAsync("timer:held-tick", 1);

        await clock.StartAsync(TimeSpan.Zero, Fast, interleave: false, callbackGate: null);
        await Probe.WaitForCountAsync("timer:clock-1", 5);
        Assert.Equal(1, Probe.Count("timer:held-tick"));

        Probe.Open("held-tick-release");
        await Probe.WaitForCountAsync("timer:held-tick", 3);
    }

    [Fact]
    public async Task DisposedTimer_StopsTicking()
    {
        var stopped = Grains.GetGrain<ITimerGrain>("stopped");
        var clock = Grains.GetGrain<ITimerGrain>("clock-2");
        await stopped.StartAsync(TimeSpan.Zero, Fast, interleave: false, callbackGate: null);
        await Probe.WaitForCountAsync("timer:stopped", 2);

        await stopped.StopAsync();
        var atStop = await stopped.GetTicksAsync();
        await clock.StartAsync(TimeSpan.Zero, Fast, interleave: false, callbackGate: null);
        await Probe.WaitForCountAsync("timer:clock-2", 10);

        Assert.Equal(atStop, await stopped.GetTicksAsync());
    }
}
