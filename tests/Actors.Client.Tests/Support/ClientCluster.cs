using System.Net;
using Actors.Client.Tests.Grains;
using Actors.Runtime.Hosting;
using Actors.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Client.Tests.Support;

/// <summary>Starts in-process silos with this project's grains and a <see cref="Probe"/>, and clients connected to their gateways.</summary>
internal static class ClientCluster
{
    /// <summary>A gate no test opens: disposal opens it so grains waiting on it let their silos stop.</summary>
    public const string NeverOpened = "never";

    public static Task<TestCluster> StartAsync(Probe probe, int silos, Action<TestClusterOptions>? configure = null)
    {
        var options = new TestClusterOptions
        {
            InitialSilos = silos,
            ConfigureServices = services => services.AddSingleton(probe),
            ConfigureSilo = silo => silo.AddGrains(typeof(EchoGrain).Assembly),
        };
        configure?.Invoke(options);
        return TestCluster.StartAsync(options, TestContext.Current.CancellationToken);
    }

    /// <summary>The endpoint of <paramref name="silo"/>'s client gateway.</summary>
    public static IPEndPoint GatewayOf(TestSilo silo) =>
        new(silo.Address.Endpoint.Address, silo.Services.GetRequiredService<ILocalSiloDetails>().GatewayPort);

    public static string NodeOf(TestSilo silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().NodeName;

    /// <summary>Connects a client to the cluster through the gateways of <paramref name="gateways"/>.</summary>
    public static Task<ClusterClient> ConnectAsync(TestCluster cluster, IEnumerable<TestSilo> gateways, Action<ClusterClientOptions>? configure = null)
    {
        var options = new ClusterClientOptions
        {
            ClusterId = cluster.Options.ClusterId,
            Gateways = [.. gateways.Select(s => GatewayOf(s).ToString())],
            GatewayRefreshPeriod = TimeSpan.FromSeconds(1),
        };
        configure?.Invoke(options);
        return ClusterClient.ConnectAsync(options, TestContext.Current.CancellationToken);
    }

    /// <summary>The silo whose gateway the client sends to now.</summary>
    public static TestSilo CurrentGatewaySilo(TestCluster cluster, ClusterClient client) =>
        cluster.Silos.Single(s => GatewayOf(s).Equals(client.CurrentGateway));
}
