using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>Durable reminders on the in-memory table (shared by the silos of the test cluster, as a database would be).</summary>
public sealed class ReminderTests : RuntimeTestBase
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Reminder_TicksEveryPeriod_AndIsListed()
    {
        var grain = Grains.GetGrain<IReminderGrain>("ticking");

        await grain.RegisterAsync("r", TimeSpan.Zero, Period);

        await Probe.WaitForCountAsync("tick:ticking:r", 3);
        Assert.Equal(["r"], await grain.ListAsync());
    }

    [Fact]
    public async Task Reminder_FiresOnTheSiloThatReplacedTheOneItWasRegisteredOn()
    {
        await Grains.GetGrain<IReminderGrain>("durable").RegisterAsync("r", TimeSpan.FromMilliseconds(500), Period);
        await Probe.WaitForCountAsync("tick:durable:r", 1);

        var replacement = await Cluster.RestartSiloAsync(Cluster.Silos[0], TestContext.Current.CancellationToken);
        var ticksBefore = Probe.Count("tick:durable:r");

        await Probe.WaitForCountAsync("tick:durable:r", ticksBefore + 2);
        Assert.Equal(["r"], await replacement.GrainFactory.GetGrain<IReminderGrain>("durable").ListAsync());
    }

    [Fact]
    public async Task UnregisteredReminder_StopsTicking()
    {
        var grain = Grains.GetGrain<IReminderGrain>("stopping");
        await grain.RegisterAsync("stopped", TimeSpan.Zero, Period);
        await grain.RegisterAsync("clock", TimeSpan.Zero, Period);
        await Probe.WaitForCountAsync("tick:stopping:stopped", 1);

        await grain.UnregisterAsync("stopped");
        var atUnregister = Probe.Count("tick:stopping:stopped");

        // The other reminder of the same grain is the clock: three of its periods pass with no tick of the removed one.
        var clock = Probe.Count("tick:stopping:clock");
        await Probe.WaitForCountAsync("tick:stopping:clock", clock + 3);
        Assert.Equal(atUnregister, Probe.Count("tick:stopping:stopped"));
        Assert.Equal(["clock"], await grain.ListAsync());
    }

    [Fact]
    public async Task PeriodBelowTheMinimum_IsRefused()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Grains.GetGrain<IReminderGrain>("fast").RegisterAsync("r", TimeSpan.Zero, TimeSpan.FromMilliseconds(100)));

        Assert.Contains("at least", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReregisteringAReminder_ReplacesItsSchedule()
    {
        var grain = Grains.GetGrain<IReminderGrain>("updated");
        await grain.RegisterAsync("r", TimeSpan.FromHours(1), TimeSpan.FromHours(1));

        await grain.RegisterAsync("r", TimeSpan.Zero, Period);

        await Probe.WaitForCountAsync("tick:updated:r", 2);
        Assert.Equal(["r"], await grain.ListAsync());
    }
}
