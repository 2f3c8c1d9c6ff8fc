using System.Globalization;
using Actors.Client;
using Actors.TestKit.Processes;
using Npgsql;

namespace Actors.Coordination.Cluster.Tests;

/// <summary>
/// Silo processes of one cluster (the real silo, which hosts the coordination grains) on loopback, sharing one
/// PostgreSQL database; cluster clients connect through their gateways. Knows which silo hosts a grain by reading the
/// cluster's grain directory, so a test can kill exactly that silo.
/// </summary>
internal sealed class CoordinationCluster : IAsyncDisposable
{
    private readonly SiloProcessGroup<StartedSilo> _group;
    private readonly string _connectionString;

    private CoordinationCluster(string connectionString, string clusterId)
    {
        _connectionString = connectionString;
        _group = new SiloProcessGroup<StartedSilo>(
            clusterId,
            "node-",
            connectionString,
            new Dictionary<string, string> { ["Actors__Executor__Enabled"] = "false" },
            started => started,
            silo => silo.Process);
    }

    public IReadOnlyList<StartedSilo> Silos => _group.Silos;

    /// <summary>A new cluster id, for a test that starts the same cluster again.</summary>
    public static string NewClusterId() => "co-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Starts <paramref name="silos"/> silos of cluster <paramref name="clusterId"/> (a new cluster when null).</summary>
    public static async Task<CoordinationCluster> StartAsync(string connectionString, int silos, CancellationToken cancellationToken, string? clusterId = null)
    {
        var cluster = new CoordinationCluster(connectionString, clusterId ?? NewClusterId());
        await cluster._group.StartAsync(silos, cancellationToken);
        return cluster;
    }

    /// <summary>A cluster client through the gateways of <paramref name="gateways"/> (all silos when none are named).</summary>
    public Task<ClusterClient> ConnectClientAsync(CancellationToken cancellationToken, params StartedSilo[] gateways)
    {
        var options = new ClusterClientOptions { ClusterId = _group.ClusterId };
        foreach (var silo in gateways.Length > 0 ? gateways : [.. Silos])
        {
            options.Gateways.Add("127.0.0.1:" + silo.GatewayPort.ToString(CultureInfo.InvariantCulture));
        }

        return ClusterClient.ConnectAsync(options, cancellationToken);
    }

    /// <summary>The silo whose activation of grain <paramref name="grainId"/> (<c>type/key</c>) is registered, if any.</summary>
    public async Task<StartedSilo?> HostOfAsync(string grainId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT silo FROM actors_grain_directory WHERE cluster_id = $1 AND grain_id = $2", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _group.ClusterId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId });
        if (await command.ExecuteScalarAsync(cancellationToken) is not string silo)
        {
            return null;
        }

        // The column holds the silo address, "host:port@generation".
        return Silos.FirstOrDefault(s => silo.Contains(":" + s.SiloPort.ToString(CultureInfo.InvariantCulture) + "@", StringComparison.Ordinal));
    }

    /// <summary>Kills <paramref name="silo"/> with SIGKILL and forgets it.</summary>
    public async Task KillAsync(StartedSilo silo)
    {
        silo.Process.Kill();
        await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        _group.Remove(silo);
    }

    public ValueTask DisposeAsync() => _group.DisposeAsync();
}
