using System.Globalization;
using Actors.Benchmarks.CrossSilo;
using Actors.Benchmarks.Jobs;
using Actors.Benchmarks.Measurement;

namespace Actors.Benchmarks.Coordination;

/// <summary>
/// Issue 5's benchmark (item 8): the coordination services of one silo on PostgreSQL (fsync on) beside etcd 3.4
/// (default fsync) in the same run, both over HTTP on loopback, in alternating rounds: (1) uncontended lock
/// acquire+release cycles/s, (2) put latency and puts/s, (3) watch notification latency. See bench/README.md.
/// </summary>
public static class CoordinationBenchmark
{
    /// <summary>Goal (1): lock cycles per second with C clients.</summary>
    public const double LockGoal = 1_500;

    /// <summary>Goal (2): durable puts per second with C clients.</summary>
    public const double PutGoal = 4_000;

    /// <summary>Goal (3): the watch's median notification latency, in milliseconds.</summary>
    public const double WatchGoalMillis = 0.6;

    private const int SiloOutputLines = 40;

    /// <summary>Runs the benchmark with the arguments after <c>coordination</c>; returns the figures, the summary last.</summary>
    public static async Task<string> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var settings = CoordinationSettings.Parse(args);

        // Ctrl+C cancels the run instead of ending the process, so etcd and the silo are killed and their data deleted.
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await RunAsync(settings, cancel.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<string> RunAsync(CoordinationSettings settings, CancellationToken cancellationToken)
    {
        var runId = Guid.NewGuid().ToString("N")[..8];
        var connections = settings.Clients + 2;
        var sides = new List<SideRounds>();
        var disposables = new List<IDisposable>();
        EtcdServer? etcd = null;
        JobsPostgres? postgres = null;
        SiloCluster? cluster = null;
        SiloProcess? silo = null;
        try
        {
            if (settings.RunsActors)
            {
                var siloAssembly = await SiloBuild.EnsureAsync(cancellationToken);
                postgres = await JobsPostgres.StartAsync(cancellationToken);
                Console.WriteLine($"PostgreSQL: {postgres.Description}");
                cluster = new SiloCluster(siloAssembly, grainAssembly: null, await postgres.CreateDatabaseAsync("coord", cancellationToken));
                silo = await cluster.StartSiloAsync("coord-1", cancellationToken, new Dictionary<string, string> { ["Actors__Executor__Enabled"] = "false" });
                Console.WriteLine($"{cluster}: {silo}");
                var api = new ActorsApi(new Uri($"http://127.0.0.1:{silo.HttpPort.ToString(CultureInfo.InvariantCulture)}/"), connections);
                disposables.Add(api);
                sides.Add(new SideRounds(new CoordinationLoads(api, runId)));
            }

            if (settings.RunsEtcd)
            {
                etcd = await EtcdServer.StartAsync(cancellationToken);
                Console.WriteLine($"{etcd.Version}: {etcd}");
                var api = new EtcdApi(etcd.ClientUrl, connections);
                disposables.Add(api);
                sides.Add(new SideRounds(new CoordinationLoads(api, runId)));
            }

            var loadBefore = SystemLoad.OneMinuteAverage();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{settings.Rounds} rounds of {settings.Round.TotalSeconds:N1} s per load, {settings.Clients} clients, {CoordinationLoads.ValueBytes}-byte values; warming each side up for {settings.Warmup.TotalSeconds:N0} s..."));
            foreach (var side in sides)
            {
                await side.WarmUpAsync(settings, cancellationToken);
            }

            for (var round = 1; round <= settings.Rounds; round++)
            {
                foreach (var side in sides)
                {
                    await side.RunRoundAsync(round, settings, cancellationToken);
                }
            }

            if (silo is not null && sides.Any(s => s.Name == "actors" && s.HadRefusals))
            {
                Console.WriteLine($"The silo refused some calls; its last output:\n{string.Join('\n', silo.Output.Split('\n').TakeLast(SiloOutputLines))}");
            }

            var lines = sides.Select(Describe).ToList();
            lines.Add(Summary(sides, settings.Clients, loadBefore, SystemLoad.OneMinuteAverage()));
            Console.WriteLine();
            return string.Join(Environment.NewLine, lines);
        }
        finally
        {
            foreach (var disposable in disposables)
            {
                disposable.Dispose();
            }

            if (etcd is not null)
            {
                await etcd.DisposeAsync();
            }

            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }

            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }
    }

    /// <summary>One side's medians, one line.</summary>
    private static string Describe(SideRounds side)
    {
        var culture = CultureInfo.InvariantCulture;
        return string.Create(culture, $"coordination {side.Name}: locks {side.Locks.PerSecond:N0} cycles/s ({side.Locks.Clients} clients, p50 {side.Locks.P50Millis:N2} ms), ")
            + string.Create(culture, $"{side.SequentialLocks.PerSecond:N0} cycles/s (1 client, p50 {side.SequentialLocks.P50Millis:N2} ms); ")
            + string.Create(culture, $"puts p50 {side.SequentialPuts.P50Millis:N2} ms p99 {side.SequentialPuts.P99Millis:N2} ms ({side.SequentialPuts.PerSecond:N0}/s, 1 client), ")
            + string.Create(culture, $"{side.Puts.PerSecond:N0}/s ({side.Puts.Clients} clients); ")
            + string.Create(culture, $"watch p50 {side.Watch.P50Millis:N3} ms p99 {side.Watch.P99Millis:N3} ms ({side.Watch.Completed:N0} samples)")
            + Refused(side);
    }

    private static string Refused(SideRounds side)
    {
        var refused = new[] { side.Locks, side.SequentialLocks, side.SequentialPuts, side.Puts, side.Watch }.Where(r => r.Refused.Length > 0).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Label} ({r.Clients} clients): {r.Refused}")).ToList();
        return refused.Count == 0 ? string.Empty : "; other answers: " + string.Join("; ", refused);
    }

    /// <summary>The last line: ours beside etcd, with the goals, and the machine's load.</summary>
    private static string Summary(List<SideRounds> sides, int clients, string loadBefore, string loadAfter)
    {
        var ours = sides.FirstOrDefault(s => s.Name == "actors");
        var etcd = sides.FirstOrDefault(s => s.Name == "etcd");
        var parts = new List<string>
        {
            Figure("(1) lock cycles/s", clients, ours?.Locks.PerSecond, etcd?.Locks.PerSecond, "N0")
                + Figure(", 1 client", 1, ours?.SequentialLocks.PerSecond, etcd?.SequentialLocks.PerSecond, "N0")
                + Goal(ours?.Locks.PerSecond >= LockGoal, ours is not null, ">= 1,500/s"),
            Figure("(2) puts/s", clients, ours?.Puts.PerSecond, etcd?.Puts.PerSecond, "N0")
                + Figure(", put p50", 1, ours?.SequentialPuts.P50Millis, etcd?.SequentialPuts.P50Millis, "N2")
                + Figure(" p99", 1, ours?.SequentialPuts.P99Millis, etcd?.SequentialPuts.P99Millis, "N2")
                + Goal(ours?.Puts.PerSecond >= PutGoal, ours is not null, ">= 4,000/s"),
            Figure("(3) watch p50 ms", 1, ours?.Watch.P50Millis, etcd?.Watch.P50Millis, "N3")
                + Figure(" p99", 1, ours?.Watch.P99Millis, etcd?.Watch.P99Millis, "N3")
                + Goal(ours?.Watch.P50Millis <= WatchGoalMillis, ours is not null, "p50 <= 0.6 ms"),
        };
        return $"coordination summary: {string.Join("; ", parts)}; load average {loadBefore} -> {loadAfter} on {Environment.ProcessorCount} cores";
    }

    private static string Figure(string what, int clients, double? ours, double? etcd, string format)
    {
        var clientsText = clients == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({clients} clients)");
        return string.Create(CultureInfo.InvariantCulture,
            $"{what}{clientsText} actors {(ours is { } o ? o.ToString(format, CultureInfo.InvariantCulture) : "-")} vs etcd {(etcd is { } e ? e.ToString(format, CultureInfo.InvariantCulture) : "-")}");
    }

    private static string Goal(bool? met, bool measured, string goal) =>
        !measured ? $" (goal {goal} not measured)" : $" (goal {goal} {(met == true ? "met" : "MISSED")})";
}
