using Actors.TestKit;

namespace Actors.Client.Tests.Support;

/// <summary>
/// A healthy two-silo cluster shared by the tests of a class, and a client connected through the first silo's gateway
/// only, so grains pinned to the second silo's node are reached through a call between silos. Tests use their own
/// grain keys and gate names.
/// </summary>
public sealed class ClientClusterFixture : IAsyncLifetime
{
    public Probe Probe { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public ClusterClient Client { get; private set; } = null!;

    /// <summary>The node of the silo the client does not connect to.</summary>
    public string RemoteNode { get; private set; } = null!;

    /// <summary>The node of the silo whose gateway the client uses.</summary>
    public string GatewayNode { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Cluster = await ClientCluster.StartAsync(Probe, silos: 2);
        Client = await ClientCluster.ConnectAsync(Cluster, [Cluster.Silos[0]]);
        GatewayNode = ClientCluster.NodeOf(Cluster.Silos[0]);
        RemoteNode = ClientCluster.NodeOf(Cluster.Silos[1]);
    }

    public async ValueTask DisposeAsync()
    {
        Probe.Open(ClientCluster.NeverOpened);
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }

        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}
