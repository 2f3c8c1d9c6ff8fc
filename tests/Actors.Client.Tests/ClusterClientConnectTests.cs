using System.Net;
using Actors.Client.Tests.Grains;
using Actors.Client.Tests.Support;
using Actors.TestKit;
using Actors.Transport;

namespace Actors.Client.Tests;

/// <summary>Connecting: options are checked, refusals and unreachable gateways are reported clearly, the cluster is learnt.</summary>
public sealed class ClusterClientConnectTests(ClientClusterFixture fixture) : IClassFixture<ClientClusterFixture>
{
    [Fact]
    public async Task ConnectAsync_WithAnotherClusterId_IsRefusedWithTheReason()
    {
        var gateway = ClientCluster.GatewayOf(fixture.Cluster.Silos[0]);

        var error = await Assert.ThrowsAsync<ClusterConnectionException>(() => ClientCluster.ConnectAsync(
            fixture.Cluster, [fixture.Cluster.Silos[0]], o => o.ClusterId = "another-cluster"));

        Assert.Contains($"belongs to cluster '{fixture.Cluster.Options.ClusterId}', not 'another-cluster'", error.Message, StringComparison.Ordinal);
        Assert.Contains(gateway.ToString(), error.Message, StringComparison.Ordinal);
        var refusal = Assert.IsType<ConnectionRefusedException>(error.InnerException);
        Assert.True(refusal.RefusedByRemote);
    }

    [Fact]
    public async Task ConnectAsync_ToASiloPortInsteadOfAGateway_IsRefused()
    {
        var siloEndpoint = fixture.Cluster.Silos[0].Address.Endpoint;
        var options = new ClusterClientOptions { ClusterId = fixture.Cluster.Options.ClusterId, Gateways = [siloEndpoint.ToString()] };

        var error = await Assert.ThrowsAsync<ClusterConnectionException>(() => ClusterClient.ConnectAsync(options, Wait.Token));

        Assert.IsType<ConnectionRefusedException>(error.InnerException);
        Assert.Contains("gateway port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_WhenNoGatewayAnswers_ListsEveryEndpointTried()
    {
        var first = new IPEndPoint(IPAddress.Loopback, FreePorts.Next());
        var second = new IPEndPoint(IPAddress.Loopback, FreePorts.Next());
        var options = new ClusterClientOptions { ClusterId = "nobody", Gateways = [first.ToString(), second.ToString()] };

        var error = await Assert.ThrowsAsync<ClusterConnectionException>(() => ClusterClient.ConnectAsync(options, Wait.Token));

        Assert.Equal(2, error.TriedGateways.Count);
        Assert.Equal(new HashSet<IPEndPoint> { first, second }, error.TriedGateways.ToHashSet());
        Assert.Contains(first.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(second.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("cluster 'nobody'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ClusterId")]
    [InlineData("Gateways")]
    [InlineData("ResponseTimeout")]
    [InlineData("GatewayRefreshPeriod")]
    [InlineData("ClientId")]
    public async Task ConnectAsync_WithAnInvalidOption_ThrowsArgumentExceptionNamingIt(string option)
    {
        var options = new ClusterClientOptions { Gateways = ["127.0.0.1:30000"] };
        switch (option)
        {
            case "ClusterId":
                options.ClusterId = "no spaces allowed";
                break;
            case "Gateways":
                options.Gateways = ["localhost"];
                break;
            case "ResponseTimeout":
                options.ResponseTimeout = TimeSpan.Zero;
                break;
            case "GatewayRefreshPeriod":
                options.GatewayRefreshPeriod = TimeSpan.FromDays(2);
                break;
            case "ClientId":
                options.ClientId = " ";
                break;
        }

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => ClusterClient.ConnectAsync(options, Wait.Token));

        Assert.Equal(option, error.ParamName);
        Assert.Contains("ClusterClientOptions." + option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_WithoutGateways_ThrowsArgumentException()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ClusterClient.ConnectAsync(new ClusterClientOptions(), Wait.Token));

        Assert.Equal("Gateways", error.ParamName);
    }

    [Fact]
    public async Task ConnectAsync_LearnsTheGatewaysOfEveryActiveSilo()
    {
        // The silo that joined last has read both silos as Active when it joined.
        await using var client = await ClientCluster.ConnectAsync(fixture.Cluster, [fixture.Cluster.Silos[1]]);

        Assert.Equal(ClientCluster.GatewayOf(fixture.Cluster.Silos[1]), client.CurrentGateway);
        Assert.Equal(fixture.Cluster.Silos.Select(ClientCluster.GatewayOf).ToHashSet(), client.KnownGateways.ToHashSet());
        Assert.Equal(2, client.KnownGateways.Count);
        Assert.Equal("second:hi", await client.GetGrain<IEchoGrain>("second").EchoAsync("hi"));
    }

    [Fact]
    public async Task DisposeAsync_FailsCallsStillWaiting_AndLaterCalls()
    {
        var client = await ClientCluster.ConnectAsync(fixture.Cluster, [fixture.Cluster.Silos[0]]);
        var waiting = client.GetGrain<ISlowGrain>("disposed").WaitAsync(ClientCluster.NeverOpened);
        await fixture.Probe.WaitAsync("entered:disposed", Wait.Limit);

        await client.DisposeAsync();

        Assert.IsType<ObjectDisposedException>(await Wait.ForFailureAsync(waiting, "the call waiting at disposal"));
        Assert.IsType<ObjectDisposedException>(await Wait.ForFailureAsync(client.GetGrain<IEchoGrain>("after").EchoAsync("x"), "a call after disposal"));
    }
}
