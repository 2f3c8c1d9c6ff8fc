using System.Globalization;
using Actors.TestKit;
using Actors.TestKit.Processes;

namespace Actors.Jobs.Tests;

/// <summary>
/// Silo processes of one cluster on loopback sharing one PostgreSQL database; every silo is an executor node
/// (named jobs-node-N) on the local Docker engine. Node names are unique per cluster, so clean-up finds its containers.
/// </summary>
internal sealed class JobsCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _connectionString;
    private readonly Dictionary<string, string> _settings;
    private readonly List<JobsSilo> _silos = [];
    private int _nextNode;

    private JobsCluster(string connectionString, Dictionary<string, string> settings)
    {
        _connectionString = connectionString;
        _settings = settings;
    }

    public string ClusterId { get; } = "jt-" + Guid.NewGuid().ToString("N")[..10];

    public IReadOnlyList<JobsSilo> Silos => _silos;

    public static async Task<JobsCluster> StartAsync(string connectionString, int silos, CancellationToken cancellationToken, Dictionary<string, string>? settings = null)
    {
        var cluster = new JobsCluster(connectionString, settings ?? []);
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

    /// <summary>Starts a silo; with <paramref name="nodeName"/> it takes over that node's name (a restart of that node).</summary>
    public async Task<JobsSilo> AddSiloAsync(CancellationToken cancellationToken, string? nodeName = null)
    {
        var node = nodeName ?? $"{ClusterId}-node-{Interlocked.Increment(ref _nextNode).ToString(CultureInfo.InvariantCulture)}";
        var settings = new Dictionary<string, string>
        {
            ["Actors__Silo__ClusterId"] = ClusterId,
            ["Actors__Silo__NodeName"] = node,
            ["Actors__Silo__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Actors__Silo__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Actors__Storage__Provider"] = "PostgreSql",
            ["Actors__Storage__ConnectionString"] = _connectionString,
            ["Actors__Executor__Slots"] = "4",
            ["Actors__Executor__Cpus"] = "2",
            ["Actors__Executor__ReportPeriod"] = "00:00:00.500",
            ["Actors__Jobs__SweepPeriod"] = "00:00:00.500",
            ["Actors__Jobs__RetryBackoff"] = "00:00:00.200",
            ["Actors__Jobs__DefaultMemoryMb"] = "64",
            ["Actors__Jobs__DefaultCpus"] = "0.5",
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }

        var silo = new JobsSilo(SiloProcess.Start(settings), node);
        lock (_silos)
        {
            _silos.Add(silo);
        }

        await silo.Process.WaitUntilHealthyAsync(StartTimeout, cancellationToken);
        return silo;
    }

    /// <summary>Forgets a silo that ended (killed or stopped), so disposal does not wait for it.</summary>
    public void Remove(JobsSilo silo)
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
            silo.Api.Dispose();
            await silo.Process.DisposeAsync();
        }

        // Containers of killed silos outlive them: remove what this cluster's nodes started.
        for (var i = 1; i <= _nextNode; i++)
        {
            await DockerEngine.RemoveContainersAsync($"io.actors.node={ClusterId}-node-{i.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
