using System.Globalization;
using Actors.Client;
using Actors.TestKit.Processes;

namespace Actors.Cluster.Tests;

/// <summary>
/// Silo processes of one cluster on loopback, sharing one PostgreSQL database and hosting the test grains. Nodes
/// are named node-1, node-2, ...; a cluster client connects through their gateways.
/// </summary>
internal sealed class ProcessCluster : IAsyncDisposable
{
    private readonly SiloProcessGroup<ProcessSilo> _group;

    private ProcessCluster(string connectionString, Dictionary<string, string> extraSettings)
    {
        var settings = new Dictionary<string, string>
        {
            ["Actors__Grains__Assemblies__0"] = RepositoryPaths.ProjectAssembly("Actors.Cluster.TestGrains"),
        };
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        _group = new SiloProcessGroup<ProcessSilo>(
            "ct-" + Guid.NewGuid().ToString("N")[..10],
            "node-",
            connectionString,
            settings,
            started => new ProcessSilo(started.Process, started.NodeName, started.SiloPort, started.GatewayPort),
            silo => silo.Process);
    }

    public string ClusterId => _group.ClusterId;

    public IReadOnlyList<ProcessSilo> Silos => _group.Silos;

    public static async Task<ProcessCluster> StartAsync(string connectionString, int silos, CancellationToken cancellationToken, Dictionary<string, string>? extraSettings = null)
    {
        var cluster = new ProcessCluster(connectionString, extraSettings ?? []);
        await cluster._group.StartAsync(silos, cancellationToken);
        return cluster;
    }

    public Task<ProcessSilo> AddSiloAsync(CancellationToken cancellationToken) => _group.AddSiloAsync(cancellationToken);

    public Task<ClusterClient> ConnectClientAsync(CancellationToken cancellationToken, params ProcessSilo[] gateways)
    {
        var options = new ClusterClientOptions { ClusterId = ClusterId };
        foreach (var silo in gateways.Length > 0 ? gateways : [.. Silos])
        {
            options.Gateways.Add("127.0.0.1:" + silo.GatewayPort.ToString(CultureInfo.InvariantCulture));
        }

        return ClusterClient.ConnectAsync(options, cancellationToken);
    }

    /// <summary>Forgets a silo that ended (killed or stopped), so disposal does not wait for it.</summary>
    public void Remove(ProcessSilo silo) => _group.Remove(silo);

    public ValueTask DisposeAsync() => _group.DisposeAsync();
}
