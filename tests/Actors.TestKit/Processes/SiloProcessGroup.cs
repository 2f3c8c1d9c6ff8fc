using System.Globalization;

namespace Actors.TestKit.Processes;

/// <summary>
/// The silo processes of one cluster on loopback sharing one PostgreSQL database. Each gets the cluster id, a node
/// name (<c>{prefix}{n}</c> unless given), free silo and gateway ports and the storage settings, plus the group's
/// own settings. The first silo starts alone (it creates the schema), the others then join in parallel. Disposal
/// stops every silo still in the group.
/// </summary>
/// <typeparam name="TSilo">What the tests hold for each silo (its process plus whatever they need beside it).</typeparam>
public sealed class SiloProcessGroup<TSilo> : IAsyncDisposable
    where TSilo : class
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _connectionString;
    private readonly string _nodePrefix;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Func<StartedSilo, TSilo> _wrap;
    private readonly Func<TSilo, SiloProcess> _processOf;
    private readonly List<TSilo> _silos = [];
    private int _nextNode;

    /// <summary>Creates an empty group.</summary>
    /// <param name="clusterId">The cluster id every silo gets.</param>
    /// <param name="nodePrefix">Node names are this prefix and a number from 1.</param>
    /// <param name="connectionString">The cluster's PostgreSQL database.</param>
    /// <param name="settings">More settings (environment variable names, like <c>Actors__Jobs__SweepPeriod</c>); they win.</param>
    /// <param name="wrap">Makes the tests' view of a started silo.</param>
    /// <param name="processOf">The process of a silo.</param>
    public SiloProcessGroup(string clusterId, string nodePrefix, string connectionString, IReadOnlyDictionary<string, string> settings, Func<StartedSilo, TSilo> wrap, Func<TSilo, SiloProcess> processOf)
    {
        ClusterId = clusterId;
        _nodePrefix = nodePrefix;
        _connectionString = connectionString;
        _settings = settings;
        _wrap = wrap;
        _processOf = processOf;
    }

    /// <summary>The cluster id.</summary>
    public string ClusterId { get; }

    /// <summary>The silos in the group (started and not removed).</summary>
    public IReadOnlyList<TSilo> Silos => _silos;

    /// <summary>Every node name the group has handed out, in order.</summary>
    public IEnumerable<string> NodeNames => Enumerable.Range(1, _nextNode).Select(NodeName);

    /// <summary>Starts <paramref name="silos"/> silos (the first alone, then the rest together); on failure stops them all.</summary>
    public async Task StartAsync(int silos, CancellationToken cancellationToken)
    {
        try
        {
            await AddSiloAsync(cancellationToken);
            await Task.WhenAll(Enumerable.Range(1, silos - 1).Select(_ => AddSiloAsync(cancellationToken)));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo and waits until it is healthy; with <paramref name="nodeName"/> it takes that node's name (a restart).</summary>
    public async Task<TSilo> AddSiloAsync(CancellationToken cancellationToken, string? nodeName = null)
    {
        var node = nodeName ?? NodeName(Interlocked.Increment(ref _nextNode));
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        var settings = new Dictionary<string, string>
        {
            ["Actors__Silo__ClusterId"] = ClusterId,
            ["Actors__Silo__NodeName"] = node,
            ["Actors__Silo__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Actors__Silo__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Actors__Storage__Provider"] = "PostgreSql",
            ["Actors__Storage__ConnectionString"] = _connectionString,
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }

        var process = SiloProcess.Start(settings);
        var silo = _wrap(new StartedSilo(process, node, siloPort, gatewayPort));
        lock (_silos)
        {
            _silos.Add(silo);
        }

        await process.WaitUntilHealthyAsync(StartTimeout, cancellationToken);
        return silo;
    }

    /// <summary>Forgets a silo that ended (killed or stopped), so disposal does not wait for it.</summary>
    public void Remove(TSilo silo)
    {
        lock (_silos)
        {
            _silos.Remove(silo);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        TSilo[] silos;
        lock (_silos)
        {
            silos = [.. _silos];
        }

        foreach (var silo in silos)
        {
            await _processOf(silo).DisposeAsync();
        }
    }

    private string NodeName(int number) => _nodePrefix + number.ToString(CultureInfo.InvariantCulture);
}
