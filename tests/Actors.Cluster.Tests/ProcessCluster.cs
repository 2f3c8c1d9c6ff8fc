using System.Globalization;
using Actors.Client;
using Actors.TestKit;
using Actors.TestKit.Processes;

namespace Actors.Cluster.Tests;

/// <summary>
/// Silo processes of one cluster on loopback, sharing one PostgreSQL database and hosting the test grains. Nodes
/// are named node-0, node-1, ...; a cluster client connects through their gateways.
/// </summary>
internal sealed class ProcessCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _connectionString;
    private readonly Dictionary<string, string> _extraSettings;
    private readonly List<ProcessSilo> _silos = [];
    private int _nextNode;

    private ProcessCluster(string connectionString, Dictionary<string, string> extraSettings)
    {
        _connectionString = connectionString;
        _extraSettings = extraSettings;
    }

    public string ClusterId { get; } = "ct-" + Guid.NewGuid().ToString("N")[..10];

    public IReadOnlyList<ProcessSilo> Silos => _silos;

    public static async Task<ProcessCluster> StartAsync(string connectionString, int silos, CancellationToken cancellationToken, Dictionary<string, string>? extraSettings = null)
    {
        var cluster = new ProcessCluster(connectionString, extraSettings ?? []);
        try
        {
            // The first silo creates the schema; the others then join in parallel.
            await cluster.AddSiloAsync(cancellationToken);
            await Task.WhenAll(Enumerable.Range(1, silos - 1).Select(_ => cluster.AddSiloAsync(cancellationToken)));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    public async Task<ProcessSilo> AddSiloAsync(CancellationToken cancellationToken)
    {
        var node = "node-" + Interlocked.Increment(ref _nextNode).ToString(CultureInfo.InvariantCulture);
        var gatewayPort = FreePorts.Next();
        var siloPort = FreePorts.Next();
        var settings = new Dictionary<string, string>
        {
            ["Actors__Silo__ClusterId"] = ClusterId,
            ["Actors__Silo__NodeName"] = node,
            ["Actors__Silo__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Actors__Silo__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Actors__Storage__Provider"] = "PostgreSql",
            ["Actors__Storage__ConnectionString"] = _connectionString,
            ["Actors__Grains__Assemblies__0"] = RepositoryPaths.ProjectAssembly("Actors.Cluster.TestGrains"),
        };
        foreach (var (key, value) in _extraSettings)
        {
            settings[key] = value;
        }

        var process = SiloProcess.Start(settings);
        var silo = new ProcessSilo(process, node, siloPort, gatewayPort);
        lock (_silos)
        {
            _silos.Add(silo);
        }

        await process.WaitUntilHealthyAsync(StartTimeout, cancellationToken);
        return silo;
    }

    public Task<ClusterClient> ConnectClientAsync(CancellationToken cancellationToken, params ProcessSilo[] gateways)
    {
        var options = new ClusterClientOptions { ClusterId = ClusterId };
        foreach (var silo in gateways.Length > 0 ? gateways : [.. _silos])
        {
            options.Gateways.Add("127.0.0.1:" + silo.GatewayPort.ToString(CultureInfo.InvariantCulture));
        }

        return ClusterClient.ConnectAsync(options, cancellationToken);
    }

    /// <summary>Forgets a silo that ended (killed or stopped), so disposal does not wait for it.</summary>
    public void Remove(ProcessSilo silo)
    {
        lock (_silos)
        {
            _silos.Remove(silo);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.ToArray())
        {
            await silo.Process.DisposeAsync();
        }
    }
}
