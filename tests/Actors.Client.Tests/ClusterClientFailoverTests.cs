using Actors.Client.Connections;
using Actors.Client.Tests.Grains;
using Actors.Client.Tests.Support;
using Actors.TestKit;

namespace Actors.Client.Tests;

/// <summary>
/// Failover between gateways, each test on a fresh two-silo cluster: a gateway that stops gracefully drains its
/// calls while new calls go elsewhere; a connection that dies fails its calls at once and the client moves on.
/// </summary>
public sealed class ClusterClientFailoverTests : IAsyncLifetime
{
    private readonly Probe _probe = new();
    private readonly string[] _gates = ["drain-gate", "stuck-gate", ClientCluster.NeverOpened];
    private TestCluster? _cluster;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // Let grains still waiting finish their turns, so the silos stop at once even after a failed test.
        foreach (var gate in _gates)
        {
            _probe.Open(gate);
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task GatewaySiloStopsGracefully_CallsInFlightComplete_AndNewCallsGoToTheOtherGateway()
    {
        var cluster = await StartClusterAsync();
        await using var client = await ClientCluster.ConnectAsync(cluster, cluster.Silos);
        using var events = new GatewayEvents(client);
        var stopping = ClientCluster.CurrentGatewaySilo(cluster, client);
        var staying = cluster.Silos.Single(s => s != stopping);
        var stayingNode = ClientCluster.NodeOf(staying);
        var stoppingGateway = ClientCluster.GatewayOf(stopping);
        var stoppingName = stopping.ToString();
        var stayingGateway = ClientCluster.GatewayOf(staying);

        // A call in flight through the stopping gateway, held open by the test.
        var inFlight = client.GetGrain<ISlowGrain>("drained").WaitAsync("drain-gate");
        await _probe.WaitAsync("entered:drained", Wait.Limit);
        var load = new CallLoad(client, await KeysOfGrainsOnAsync(client, stayingNode, "graceful", count: 8));

        var stop = cluster.StopSiloAsync(stopping, Wait.Token);
        await Wait.ForAsync(events.WhenAsync(GatewayEventKind.Closing, stoppingGateway), $"'closing' from {stoppingGateway} ({events})");

        // New calls go to the other gateway while the stopping one still waits for the call it holds.
        Assert.Equal(stayingNode, await Wait.ForAsync(client.GetGrain<IPinnedGrain>(stayingNode).GetNodeAsync(), "a call during the drain"));
        Assert.Equal(stayingGateway, client.CurrentGateway);
        Assert.False(inFlight.IsCompleted, "The held call completed before its gate opened.");

        _probe.Open("drain-gate");
        Assert.Equal("opened:drain-gate", await Wait.ForAsync(inFlight, "the call in flight through the stopping gateway"));
        await Wait.ForAsync(stop, $"{stoppingName} to stop");
        await load.StopAsync();

        Assert.True(load.Errors.Count == 0, $"{load.Errors.Count} calls failed during the graceful stop: {string.Join(" | ", load.Errors.Select(e => e.GetType().Name + ": " + e.Message).Distinct().Take(5))}");
        Assert.True(load.Succeeded > 0, "The call load made no call.");
        Assert.Equal("after-stop:y", await client.GetGrain<IEchoGrain>("after-stop").EchoAsync("y"));
        Assert.Equal(stayingGateway, client.CurrentGateway);
        Assert.Equal(stayingNode, await client.GetGrain<IEchoGrain>("after-stop").GetNodeAsync());
    }

    [Fact]
    public async Task ConnectionKilled_CallsInFlightFailWithSiloUnavailable_AndTheClientMovesToTheOtherGateway()
    {
        var cluster = await StartClusterAsync();
        await using var client = await ClientCluster.ConnectAsync(cluster, cluster.Silos);
        using var events = new GatewayEvents(client);
        var killed = client.CurrentGateway!;
        var other = cluster.Silos.Select(ClientCluster.GatewayOf).Single(g => !g.Equals(killed));
        var inFlight = Enumerable.Range(0, 5).Select(i => client.GetGrain<ISlowGrain>("killed-" + i).WaitAsync(ClientCluster.NeverOpened)).ToList();
        for (var i = 0; i < inFlight.Count; i++)
        {
            await _probe.WaitAsync("entered:killed-" + i, Wait.Limit);
        }

        Assert.True(client.AbortGatewayConnection("killed by the test"));

        // Each call fails at once (its deadline is 30 s away): it may or may not have run, so it is not retried.
        foreach (var call in inFlight)
        {
            var error = await Wait.ForFailureAsync(call, "a call in flight on the killed connection");
            var unavailable = Assert.IsType<SiloUnavailableException>(error);
            Assert.Contains(killed.ToString(), unavailable.Message, StringComparison.Ordinal);
        }

        await Wait.ForAsync(events.WhenAsync(GatewayEventKind.Connected, other), $"a connection to {other} ({events})");
        Assert.Equal("after-kill:z", await client.GetGrain<IEchoGrain>("after-kill").EchoAsync("z"));
        Assert.Equal(other, client.CurrentGateway);
        Assert.Equal(0, client.PendingCallCount);
    }

    [Fact]
    public async Task CallMadeWhileNoGatewayIsConnected_WaitsForTheReconnect()
    {
        var cluster = await StartClusterAsync();
        var only = cluster.Silos[0];
        await using var client = await ClientCluster.ConnectAsync(cluster, [only], o => o.GatewayRefreshPeriod = TimeSpan.FromMinutes(10));
        using var events = new GatewayEvents(client);
        var gateway = ClientCluster.GatewayOf(only);

        // The client knows only this gateway (no refresh yet), so the reconnect goes back to it.
        Assert.True(client.AbortGatewayConnection("killed by the test"));
        await Wait.ForAsync(events.WhenAsync(GatewayEventKind.Lost, gateway), $"the loss of {gateway} ({events})");
        var call = client.GetGrain<IEchoGrain>("while-disconnected").EchoAsync("w");

        Assert.Equal("while-disconnected:w", await Wait.ForAsync(call, "a call made while disconnected"));
        Assert.NotNull(client.CurrentGateway);
    }

    [Fact]
    public async Task GatewayDrainTimeoutPasses_CallsStillInFlightFailWithSiloUnavailable_NeverHang()
    {
        var cluster = await StartClusterAsync(o => o.Configuration["Actors:Gateway:DrainTimeout"] = "00:00:00.300");
        await using var client = await ClientCluster.ConnectAsync(cluster, cluster.Silos);
        var stopping = ClientCluster.CurrentGatewaySilo(cluster, client);
        var stayingNode = ClientCluster.NodeOf(cluster.Silos.Single(s => s != stopping));
        var stuck = client.GetGrain<ISlowGrain>("stuck").WaitAsync("stuck-gate");
        await _probe.WaitAsync("entered:stuck", Wait.Limit);

        var stop = cluster.StopSiloAsync(stopping, Wait.Token);

        var error = await Wait.ForFailureAsync(stuck, "the call the gateway could not drain");
        Assert.IsType<SiloUnavailableException>(error);
        _probe.Open("stuck-gate");
        Assert.Equal(stayingNode, await Wait.ForAsync(client.GetGrain<IPinnedGrain>(stayingNode).GetNodeAsync(), "a call after the gateway closed"));
        await Wait.ForAsync(stop, "the silo to stop");
    }

    private async Task<TestCluster> StartClusterAsync(Action<TestClusterOptions>? configure = null) =>
        _cluster = await ClientCluster.StartAsync(_probe, silos: 2, configure);

    /// <summary>
    /// Keys of echo grains whose activations live on <paramref name="node"/>. The load of the graceful-stop test uses
    /// grains of the staying silo: it tests the gateway's drain and failover, not how the runtime moves the stopping
    /// silo's own activations (which is the runtime's own concern and tested there).
    /// </summary>
    private static async Task<List<string>> KeysOfGrainsOnAsync(ClusterClient client, string node, string prefix, int count)
    {
        var keys = new List<string>();
        for (var i = 0; i < 200 && keys.Count < count; i++)
        {
            var key = $"{prefix}-{i}";
            if (await client.GetGrain<IEchoGrain>(key).GetNodeAsync() == node)
            {
                keys.Add(key);
            }
        }

        Assert.True(keys.Count == count, $"Only {keys.Count} of 200 grains were placed on {node}.");
        return keys;
    }
}
