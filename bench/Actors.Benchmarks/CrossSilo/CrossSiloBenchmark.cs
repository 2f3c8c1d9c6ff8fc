using System.Globalization;
using Actors.Benchmarks.Grains;
using Actors.Benchmarks.Grains.Measurement;
using Actors.Benchmarks.Measurement;

namespace Actors.Benchmarks.CrossSilo;

/// <summary>
/// Issue 3's benchmark: grain calls between two real silo processes clustered through PostgreSQL, driven through
/// the cluster client, beside in-silo calls measured in the same run; then failover time after SIGKILL in a
/// three-silo cluster. See bench/README.md.
/// </summary>
public static class CrossSiloBenchmark
{
    public static async Task<string> RunAsync(TimeSpan roundDuration, int rounds, int failoverSamples, CancellationToken cancellationToken)
    {
        var siloAssembly = await SiloBuild.EnsureAsync(cancellationToken);
        var grainAssembly = typeof(LoadDriverGrain).Assembly.Location;
        await using var postgres = await PostgresServer.StartAsync(cancellationToken);
        await using var cluster = new SiloCluster(siloAssembly, grainAssembly, postgres.ConnectionString);

        // The first silo migrates the new database; the second joins it.
        var nodeA = await cluster.StartSiloAsync("node-a", cancellationToken);
        var nodeB = await cluster.StartSiloAsync("node-b", cancellationToken);
        Console.WriteLine($"{cluster}: {nodeA}, {nodeB}; grains from {grainAssembly}");
        await using var client = await cluster.ConnectAsync([nodeA, nodeB], cancellationToken);
        await using var rawTcp = await TcpEchoBaseline.StartAsync(cancellationToken);

        var loadBefore = SystemLoad.OneMinuteAverage();
        var throughput = await ThroughputBenchmark.RunAsync(client, cluster, nodeA, nodeB, rawTcp, roundDuration, rounds, cancellationToken);
        PrintThroughput(throughput);
        Console.WriteLine(
            $"machine: {Environment.ProcessorCount} cores; load average (1 min) {loadBefore} before the rounds, {SystemLoad.OneMinuteAverage()} after " +
            "(other processes on this machine compete with the silos: compare figures at similar load)");

        // node-c joins only now, so it takes no CPU from the throughput rounds on this small machine.
        var failover = await FailoverBenchmark.RunAsync(client, cluster, failoverSamples, cancellationToken);
        var median = failover.Count == 0 ? (TimeSpan?)null : failover.Select(s => s.Elapsed).Order().ElementAt(failover.Count / 2);
        PrintGoals(throughput, median);
        return Summary(throughput, failover, median);
    }

    private static void PrintThroughput(IReadOnlyList<ThroughputFigures> figures)
    {
        Console.WriteLine();
        Console.WriteLine("median rounds          callers      calls/s   p50 µs    p99 µs   fewest / mean per caller   oldest in flight   mean in flight   CPU µs/call (a+b)");
        foreach (var row in figures)
        {
            Console.WriteLine(Row("cross-silo (a -> b)", row.CrossSilo) + string.Create(CultureInfo.InvariantCulture, $" {row.CrossSiloCpuMicrosPerCall,19:N1}"));
            Console.WriteLine(Row("in-silo (b -> b)", row.InSilo));
            if (row.RawTcp is { } raw)
            {
                Console.WriteLine(Row("raw loopback TCP", raw));
            }
        }

        static string Row(string label, LoadResult r) => string.Create(CultureInfo.InvariantCulture,
            $"{label,-22} {r.Callers,7} {r.CallsPerSecond,12:N0} {r.P50Micros,8:N1} {r.P99Micros,9:N1} {r.FewestCallsByOneCaller,12:N0} / {r.MeanCallsPerCaller,-11:N0} {r.OldestInFlightMillis,12:N2} ms {r.MeanInFlight,16:N1}");
    }

    private static void PrintGoals(IReadOnlyList<ThroughputFigures> figures, TimeSpan? failoverMedian)
    {
        var sequential = figures.Single(f => f.Callers == 1).CrossSilo;
        var parallel = figures.Single(f => f.Callers == 64).CrossSilo;
        var failover = failoverMedian is { } median
            ? string.Create(CultureInfo.InvariantCulture, $"{Verdict(median <= TimeSpan.FromSeconds(10))} (median {median.TotalSeconds:N1} s)")
            : "not measured";
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"goals (issue 3): >= 100,000 cross-silo calls/s with 64 callers: {Verdict(parallel.CallsPerSecond >= 100_000)} ({parallel.CallsPerSecond:N0}); " +
            $"sequential p50 <= 90 µs: {Verdict(sequential.P50Micros <= 90)} ({sequential.P50Micros:N1} µs); " +
            $"failover <= 10 s: {failover}"));
        Console.WriteLine("Orleans 9.2.1 on this machine (issue 3): 9,800 sequential cross-silo calls/s (p50 90 µs), 91,000 calls/s with 64 callers.");

        static string Verdict(bool met) => met ? "met" : "MISSED";
    }

    private static string Summary(IReadOnlyList<ThroughputFigures> figures, IReadOnlyList<FailoverSample> failover, TimeSpan? median)
    {
        var failoverText = median is null
            ? "failover not measured"
            : string.Create(CultureInfo.InvariantCulture,
                $"failover median {median.Value.TotalSeconds:N1} s (samples {string.Join(", ", failover.Select(s => s.Elapsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture)))})");
        var raw = figures.Select(f => f.RawTcp).OfType<LoadResult>().Select(r => string.Create(CultureInfo.InvariantCulture,
            $"raw loopback TCP round trip (same run) {r.CallsPerSecond:N0}/s p50 {Micros(r.P50Micros)}µs; "));
        return $"cross-silo: {Shapes(figures.Select(f => f.CrossSilo))}; in-silo (same run): {Shapes(figures.Select(f => f.InSilo))}; {string.Concat(raw)}{failoverText}";

        static string Shapes(IEnumerable<LoadResult> results) => string.Join("; ", results.Select(Shape));

        static string Shape(LoadResult r) => r.Callers == 1
            ? string.Create(CultureInfo.InvariantCulture, $"seq {r.CallsPerSecond:N0} calls/s p50 {Micros(r.P50Micros)}µs p99 {Micros(r.P99Micros)}µs")
            : string.Create(CultureInfo.InvariantCulture,
                $"{r.Callers} callers {r.CallsPerSecond:N0} calls/s p50 {Micros(r.P50Micros)}µs p99 {Micros(r.P99Micros)}µs fewest {r.FewestCallsByOneCaller:N0}/mean {r.MeanCallsPerCaller:N0}, oldest {r.OldestInFlightMillis:N1}ms");

        static string Micros(double value) => value.ToString(value < 10 ? "N1" : "N0", CultureInfo.InvariantCulture);
    }
}
