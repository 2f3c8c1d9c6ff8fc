using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>Activation on first call, deactivation on request, when idle, and when the silo stops.</summary>
public sealed class LifecycleTests : IAsyncLifetime
{
    private readonly Probe _probe = new();
    private TestCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await RuntimeTestCluster.StartAsync(
        _probe, o => o.Configuration["Actors:Activations:CollectionQuantum"] = "00:00:00.050");

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task GetGrain_MakesAReferenceWithoutActivating_FirstCallActivates()
    {
        var grain = _cluster.GrainFactory.GetGrain<ILifecycleGrain>("lazy");
        Assert.Equal(0, _probe.Count("activated:lazy"));

        await grain.GetActivationIdAsync();

        Assert.Equal(1, _probe.Count("activated:lazy"));
    }

    [Fact]
    public async Task DeactivateOnIdle_RunsOnDeactivate_AndNextCallMakesANewActivation()
    {
        var grain = _cluster.GrainFactory.GetGrain<ILifecycleGrain>("requested");
        var first = await grain.GetActivationIdAsync();

        await grain.DeactivateOnIdleAsync();
        await _probe.WaitAsync("deactivated:requested:ApplicationRequested", null);
        var second = await grain.GetActivationIdAsync();

        Assert.NotEqual(first, second);
        Assert.Equal(2, _probe.Count("activated:requested"));
    }

    [Fact]
    public async Task IdleActivation_IsCollectedAfterItsAge()
    {
        var grain = _cluster.GrainFactory.GetGrain<ILifecycleGrain>("idle");
        var first = await grain.GetActivationIdAsync();

        await _probe.WaitAsync("deactivated:idle:ActivationIdle", null);

        Assert.NotEqual(first, await grain.GetActivationIdAsync());
    }

    [Fact]
    public async Task CallsArrivingDuringDeactivation_AreServedByTheNextActivation()
    {
        var grain = _cluster.GrainFactory.GetGrain<ILifecycleGrain>("rerouted");
        var first = await grain.GetActivationIdAsync();

        await grain.DeactivateOnIdleAsync();
        var during = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.GetActivationIdAsync()));

        // Calls queued behind the deactivation are re-routed, not lost; all but those that ran first see the new activation.
        Assert.All(during, id => Assert.NotEqual(Guid.Empty, id));
        await _probe.WaitAsync("deactivated:rerouted:ApplicationRequested", null);
        Assert.NotEqual(first, await grain.GetActivationIdAsync());
    }

    [Fact]
    public async Task SiloStop_DeactivatesEveryActivation()
    {
        var keys = new[] { "stop-1", "stop-2", "stop-3" };
        foreach (var key in keys)
        {
            await _cluster.GrainFactory.GetGrain<ILifecycleGrain>(key).KeepAliveAsync(TimeSpan.FromHours(1));
        }

        await _cluster.StopSiloAsync(_cluster.Silos[0], TestContext.Current.CancellationToken);

        Assert.All(keys, key => Assert.Equal(1, _probe.Count($"deactivated:{key}:ShuttingDown")));
    }

    [Fact]
    public async Task FailedActivation_FailsTheCall_AndALaterCallActivatesAgain()
    {
        var grain = _cluster.GrainFactory.GetGrain<IBrokenActivationGrain>("flaky");

        var error = await Assert.ThrowsAsync<GrainFailureException>(() => grain.PingAsync());
        Assert.Equal("activation refused: flaky", error.Message);

        _probe.Open("let-flaky-activate");
        Assert.Equal("pong", await grain.PingAsync());
    }

    [Fact]
    public async Task ConcurrentFirstCalls_ShareOneActivation()
    {
        var grain = _cluster.GrainFactory.GetGrain<ILifecycleGrain>("crowd");

        var ids = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => grain.GetActivationIdAsync())));

        Assert.Single(ids.Distinct());
        Assert.Equal(1, _probe.Count("activated:crowd"));
    }
}
