using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>Durable reminders on the in-memory table (shared by the silos of the test cluster, as a database would be).</summary>
public sealed class ReminderTests : IAsyncLifetime
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private readonly Probe _probe = new();
    private TestCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await RuntimeTestCluster.StartAsync(_probe);

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Reminder_TicksEveryPeriod_AndIsListed()
    {
        var grain = _cluster.GrainFactory.GetGrain<IReminderGrain>("ticking");

        await grain.RegisterAsync("r", TimeSpan.Zero, Period);

        await _probe.WaitForCountAsync("tick:ticking:r", 3);
        Assert.Equal(["r"], await grain.ListAsync());
    }

    [Fact]
    public async Task Reminder_FiresOnTheSiloThatReplacedTheOneItWasRegisteredOn()
    {
        await _cluster.GrainFactory.GetGrain<IReminderGrain>("durable").RegisterAsync("r", TimeSpan.FromMilliseconds(500), Period);
        await _probe.WaitForCountAsync("tick:durable:r", 1);

        var replacement = await _cluster.RestartSiloAsync(_cluster.Silos[0], TestContext.Current.CancellationToken);
        var ticksBefore = _probe.Count("tick:durable:r");

        await _probe.WaitForCountAsync("tick:durable:r", ticksBefore + 2);
        Assert.Equal(["r"], await replacement.GrainFactory.GetGrain<IReminderGrain>("durable").ListAsync());
    }

    [Fact]
    public async Task UnregisteredReminder_StopsTicking()
    {
        var grain = _cluster.GrainFactory.GetGrain<IReminderGrain>("stopping");
        await grain.RegisterAsync("stopped", TimeSpan.Zero, Period);
        await grain.RegisterAsync("clock", TimeSpan.Zero, Period);
        await _probe.WaitForCountAsync("tick:stopping:stopped", 1);

        await grain.UnregisterAsync("stopped");
        var atUnregister = _probe.Count("tick:stopping:stopped");

        // The other reminder of the same grain is the clock: three of its periods pass with no tick of the removed one.
        var clock = _probe.Count("tick:stopping:clock");
        await _probe.WaitForCountAsync("tick:stopping:clock", clock + 3);
        Assert.Equal(atUnregister, _probe.Count("tick:stopping:stopped"));
        Assert.Equal(["clock"], await grain.ListAsync());
    }

    [Fact]
    public async Task PeriodBelowTheMinimum_IsRefused()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _cluster.GrainFactory.GetGrain<IReminderGrain>("fast").RegisterAsync("r", TimeSpan.Zero, TimeSpan.FromMilliseconds(100)));

        Assert.Contains("at least", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReregisteringAReminder_ReplacesItsSchedule()
    {
        var grain = _cluster.GrainFactory.GetGrain<IReminderGrain>("updated");
        await grain.RegisterAsync("r", TimeSpan.FromHours(1), TimeSpan.FromHours(1));

        await grain.RegisterAsync("r", TimeSpan.Zero, Period);

        await _probe.WaitForCountAsync("tick:updated:r", 2);
        Assert.Equal(["r"], await grain.ListAsync());
    }
}
