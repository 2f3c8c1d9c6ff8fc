using Actors.TestKit.Processes;

namespace Actors.Jobs.Tests;

/// <summary>
/// Silo processes of one cluster on loopback sharing one PostgreSQL database; every silo is an executor node
/// (named {cluster}-node-N) on the local Docker engine. Node names are unique per cluster, so clean-up finds its containers.
/// </summary>
internal sealed class JobsCluster : IAsyncDisposable
{
    private readonly SiloProcessGroup<JobsSilo> _group;

    private JobsCluster(string connectionString, Dictionary<string, string> extraSettings)
    {
        var clusterId = "jt-" + Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string>
        {
            ["Actors__Executor__Slots"] = "4",
            ["Actors__Executor__Cpus"] = "2",
            ["Actors__Executor__ReportPeriod"] = "00:00:00.500",
            ["Actors__Jobs__SweepPeriod"] = "00:00:00.500",
            ["Actors__Jobs__RetryBackoff"] = "00:00:00.200",
            ["Actors__Jobs__DefaultMemoryMb"] = "64",
            ["Actors__Jobs__DefaultCpus"] = "0.5",
        };
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        _group = new SiloProcessGroup<JobsSilo>(clusterId, clusterId + "-node-", connectionString, settings, started => new JobsSilo(started.Process, started.NodeName), silo => silo.Process);
    }

    public IReadOnlyList<JobsSilo> Silos => _group.Silos;

    public static async Task<JobsCluster> StartAsync(string connectionString, int silos, CancellationToken cancellationToken, Dictionary<string, string>? settings = null)
    {
        var cluster = new JobsCluster(connectionString, settings ?? []);
        await cluster._group.StartAsync(silos, cancellationToken);
        return cluster;
    }

    /// <summary>Starts a silo; with <paramref name="nodeName"/> it takes over that node's name (a restart of that node).</summary>
    public Task<JobsSilo> AddSiloAsync(CancellationToken cancellationToken, string? nodeName = null) => _group.AddSiloAsync(cancellationToken, nodeName);

    /// <summary>Forgets a silo that ended (killed or stopped), so disposal does not wait for it.</summary>
    public void Remove(JobsSilo silo) => _group.Remove(silo);

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            silo.Api.Dispose();
        }

        await _group.DisposeAsync();

        // Containers of killed silos outlive them: remove what this cluster's nodes started.
        foreach (var node in _group.NodeNames)
        {
            await DockerEngine.RemoveContainersAsync("io.actors.node=" + node);
        }
    }
}
