using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>Activation on first call, deactivation on request, when idle, and when the silo stops.</summary>
public sealed class LifecycleTests : RuntimeTestBase
{
    protected override void Configure(TestClusterOptions options) => options.Configuration["Actors:Activations:CollectionQuantum"] = "00:00:00.050";

    [Fact]
    public async Task GetGrain_MakesAReferenceWithoutActivating_FirstCallActivates()
    {
        var grain = Grains.GetGrain<ILifecycleGrain>("lazy");
        Assert.Equal(0, Probe.Count("activated:lazy"));

        await grain.GetActivationIdAsync();

        Assert.Equal(1, Probe.Count("activated:lazy"));
    }

    [Fact]
    public async Task DeactivateOnIdle_RunsOnDeactivate_AndNextCallMakesANewActivation()
    {
        var grain = Grains.GetGrain<ILifecycleGrain>("requested");
        var first = await grain.GetActivationIdAsync();

        await grain.DeactivateOnIdleAsync();
        await Probe.WaitAsync("deactivated:requested:ApplicationRequested", null);
        var second = await grain.GetActivationIdAsync();

        Assert.NotEqual(first, second);
        Assert.Equal(2, Probe.Count("activated:requested"));
    }

    [Fact]
    public async Task IdleActivation_IsCollectedAfterItsAge()
    {
        var grain = Grains.GetGrain<ILifecycleGrain>("idle");
        var first = await grain.GetActivationIdAsync();

        await Probe.WaitAsync("deactivated:idle:ActivationIdle", null);

        Assert.NotEqual(first, await grain.GetActivationIdAsync());
    }

    [Fact]
    public async Task CallsArrivingDuringDeactivation_AreServedByTheNextActivation()
    {
        var grain = Grains.GetGrain<ILifecycleGrain>("rerouted");
        var first = await grain.GetActivationIdAsync();

        await grain.DeactivateOnIdleAsync();
        var during = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.GetActivationIdAsync()));

        // Calls queued behind the deactivation are re-routed, not lost; all but those that ran first see the new activation.
        Assert.All(during, id => Assert.NotEqual(Guid.Empty, id));
        await Probe.WaitAsync("deactivated:rerouted:ApplicationRequested", null);
        Assert.NotEqual(first, await grain.GetActivationIdAsync());
    }

    [Fact]
    public async Task SiloStop_DeactivatesEveryActivation()
    {
        var keys = new[] { "stop-1", "stop-2", "stop-3" };
        foreach (var key in keys)
        {
            await Grains.GetGrain<ILifecycleGrain>(key).KeepAliveAsync(TimeSpan.FromHours(1));
        }

        await Cluster.StopSiloAsync(Cluster.Silos[0], TestContext.Current.CancellationToken);

        Assert.All(keys, key => Assert.Equal(1, Probe.Count($"deactivated:{key}:ShuttingDown")));
    }

    [Fact]
    public async Task FailedActivation_FailsTheCall_AndALaterCallActivatesAgain()
    {
        var grain = Grains.GetGrain<IBrokenActivationGrain>("flaky");

        var error = await Assert.ThrowsAsync<GrainFailureException>(() => grain.PingAsync());
        Assert.Equal("activation refused: flaky", error.Message);

        Probe.Open("let-flaky-activate");
        Assert.Equal("pong", await grain.PingAsync());
    }

    [Fact]
    public async Task ConcurrentFirstCalls_ShareOneActivation()
    {
        var grain = Grains.GetGrain<ILifecycleGrain>("crowd");

        var ids = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => grain.GetActivationIdAsync())));

        Assert.Single(ids.Distinct());
        Assert.Equal(1, Probe.Count("activated:crowd"));
    }
}
