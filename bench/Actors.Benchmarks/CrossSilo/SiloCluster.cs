using System.Globalization;
using Actors.Client;

namespace Actors.Benchmarks.CrossSilo;

/// <summary>
/// Silo processes of one benchmark cluster: a fresh cluster id, one PostgreSQL database, the benchmark's grains.
/// Disposing kills every silo still running (the database is dropped right after, so no graceful leave is needed).
/// </summary>
internal sealed class SiloCluster(string siloAssembly, string? grainAssembly, string connectionString) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly List<SiloProcess> _silos = [];

    public string ClusterId { get; } = "bench-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Starts a silo on node <paramref name="nodeName"/> (with <paramref name="environment"/> added to its settings) and waits until it is healthy.</summary>
    public async Task<SiloProcess> StartSiloAsync(string nodeName, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var silo = SiloProcess.Start(siloAssembly, ClusterId, nodeName, connectionString, grainAssembly, environment);
        _silos.Add(silo);
        await silo.WaitUntilHealthyAsync(StartTimeout, cancellationToken);
        return silo;
    }

    /// <summary>Connects a cluster client through the gateways of <paramref name="gateways"/>.</summary>
    public Task<ClusterClient> ConnectAsync(IEnumerable<SiloProcess> gateways, CancellationToken cancellationToken)
    {
        var options = new ClusterClientOptions { ClusterId = ClusterId };
        foreach (var silo in gateways)
        {
            options.Gateways.Add(silo.Gateway);
        }

        return ClusterClient.ConnectAsync(options, cancellationToken);
    }

    /// <summary>Which silo <paramref name="siloAddress"/> is, by its port, for the printed figures.</summary>
    public string Describe(string siloAddress) =>
        _silos.LastOrDefault(s => s.Is(siloAddress))?.NodeName ?? siloAddress;

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"cluster {ClusterId} ({_silos.Count} silo processes started)");
}
