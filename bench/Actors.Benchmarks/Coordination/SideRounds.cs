using System.Diagnostics;
using System.Globalization;
using Actors.Benchmarks.Jobs;

namespace Actors.Benchmarks.Coordination;

/// <summary>Every round of one side's five loads, and their medians.</summary>
internal sealed class SideRounds(CoordinationLoads loads)
{
    private const int MaxWarmupLoads = 1_000;

    private readonly List<ThroughputRound> _locks = [];
    private readonly List<ThroughputRound> _sequentialLocks = [];
    private readonly List<ThroughputRound> _sequentialPuts = [];
    private readonly List<ThroughputRound> _puts = [];
    private readonly List<ThroughputRound> _watch = [];

    public string Name => loads.Name;

    /// <summary>(1) Lock cycles/s with C clients: the median round by throughput.</summary>
    public ThroughputRound Locks => ByThroughput(_locks);

    /// <summary>(1) Lock cycles/s with one client.</summary>
    public ThroughputRound SequentialLocks => ByThroughput(_sequentialLocks);

    /// <summary>(2) Put latency with one client: the median round by p50 (its p99 comes with it).</summary>
    public ThroughputRound SequentialPuts => ByLatency(_sequentialPuts);

    /// <summary>(2) Puts/s with C clients.</summary>
    public ThroughputRound Puts => ByThroughput(_puts);

    /// <summary>(3) Watch notification latency: the median round by p50.</summary>
    public ThroughputRound Watch => ByLatency(_watch);

    /// <summary>Whether any call of any round (warm-up included) was refused or any watch event missed.</summary>
    public bool HadRefusals { get; private set; }

    /// <summary>
    /// Untimed: the lock, put and watch loads in turn, each one round long, until <see cref="CoordinationSettings.Warmup"/>
    /// has passed, so the silo's JIT has tiered up its hot paths before the measured rounds (etcd gets the same).
    /// </summary>
    public async Task WarmUpAsync(CoordinationSettings settings, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        for (var i = 0; i < MaxWarmupLoads && elapsed.Elapsed < settings.Warmup; i++)
        {
            var piece = settings.Round < settings.Warmup - elapsed.Elapsed ? settings.Round : settings.Warmup - elapsed.Elapsed;
            var name = "warm-up" + i.ToString(CultureInfo.InvariantCulture);
            Print((i % 3) switch
            {
                0 => await loads.LocksAsync(name, settings.Clients, piece, cancellationToken),
                1 => await loads.PutsAsync(name, settings.Clients, piece, cancellationToken),
                _ => await loads.WatchAsync(name, piece, cancellationToken),
            });
        }
    }

    /// <summary>One round of the five loads, each printed as it ends.</summary>
    public async Task RunRoundAsync(int round, CoordinationSettings settings, CancellationToken cancellationToken)
    {
        var name = "r" + round.ToString(CultureInfo.InvariantCulture);
        _locks.Add(Print(await loads.LocksAsync(name, settings.Clients, settings.Round, cancellationToken)));
        _sequentialLocks.Add(Print(await loads.LocksAsync(name, 1, settings.Round, cancellationToken)));
        _sequentialPuts.Add(Print(await loads.PutsAsync(name, 1, settings.Round, cancellationToken)));
        _puts.Add(Print(await loads.PutsAsync(name, settings.Clients, settings.Round, cancellationToken)));
        _watch.Add(Print(await loads.WatchAsync(name, settings.Round, cancellationToken)));
    }

    private ThroughputRound Print(ThroughputRound round)
    {
        HadRefusals |= round.Refused.Length > 0;
        Console.WriteLine(round);
        return round;
    }

    private static ThroughputRound ByThroughput(List<ThroughputRound> rounds) => rounds.OrderBy(r => r.PerSecond).ElementAt(rounds.Count / 2);

    private static ThroughputRound ByLatency(List<ThroughputRound> rounds) => rounds.OrderBy(r => r.P50Millis).ElementAt(rounds.Count / 2);
}
