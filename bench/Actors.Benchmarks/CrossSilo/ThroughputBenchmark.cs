using System.Globalization;
using Actors.Benchmarks.Grains;
using Actors.Benchmarks.Grains.Measurement;
using Actors.Benchmarks.Measurement;

namespace Actors.Benchmarks.CrossSilo;

/// <summary>
/// Ping grains are warmed on node-b (by node-b's driver, so the prefer-local grains live there); node-a's driver
/// then calls them across silos and node-b's driver calls them in-silo, in alternating rounds of the same run.
/// </summary>
internal static class ThroughputBenchmark
{
    private const long MaxCallsPerCaller = 50_000_000;
    private static readonly int[] Shapes = [1, 64, 100];

    public static async Task<IReadOnlyList<ThroughputFigures>> RunAsync(
        IGrainFactory client, SiloCluster cluster, SiloProcess caller, SiloProcess callee, TcpEchoBaseline rawTcp, TimeSpan roundDuration, int rounds, CancellationToken cancellationToken)
    {
        // A run outlasts the default 30 s deadline when --seconds is long: the drivers get the run's time plus a margin.
        var deadline = roundDuration + TimeSpan.FromSeconds(60);
        var crossDriver = client.GetGrain<ILoadDriverGrain>(caller.NodeName).WithResponseTimeout(deadline);
        var inDriver = client.GetGrain<ILoadDriverGrain>(callee.NodeName).WithResponseTimeout(deadline);
        await ExpectOnAsync(crossDriver.WhereAsync(), caller, cluster, "node-a's driver");
        await ExpectOnAsync(inDriver.WhereAsync(), callee, cluster, "node-b's driver");
        await WarmTargetsAsync(inDriver, callee, cluster);

        // Now that they live on the callee, node-a's driver must reach those same activations (not activate its own).
        await WarmTargetsAsync(crossDriver, callee, cluster);

        Console.WriteLine($"warming up, then {rounds} alternating rounds of {roundDuration.TotalSeconds:N0} s per figure...");
        // Long enough for tiered compilation to reach the hot paths (the first second of load runs mostly unoptimized code).
        foreach (var (callers, seconds) in new[] { (64, 3.0), (1, 1.5) })
        {
            Console.WriteLine(await crossDriver.RunAsync(Spec("warmup cross-silo", callers, TimeSpan.FromSeconds(seconds))).WaitAsync(deadline, cancellationToken));
            Console.WriteLine(await inDriver.RunAsync(Spec("warmup in-silo", callers, TimeSpan.FromSeconds(seconds))).WaitAsync(deadline, cancellationToken));
        }

        Console.WriteLine(await LoadRunner.RunAsync("warmup raw TCP", 1, TimeSpan.FromSeconds(1.5), MaxCallsPerCaller, (_, n) => rawTcp.PingAsync(n)));

        // Rounds alternate cross-silo, in-silo (and for one caller the raw TCP round trip), so a slow spell of this
        // shared machine lands on all of them; the median round of each is reported.
        SiloProcess[] both = [caller, callee];
        var cpuPerCall = new Dictionary<LoadResult, double>(ReferenceEqualityComparer.Instance);
        var figures = new List<ThroughputFigures>();
        foreach (var callers in Shapes)
        {
            var (cross, local, raw) = (new List<LoadResult>(), new List<LoadResult>(), new List<LoadResult>());
            for (var round = 0; round < rounds; round++)
            {
                cross.Add(await RunRoundAsync(crossDriver, Spec($"cross-silo, {callers} callers", callers, roundDuration), both, cpuPerCall, deadline, cancellationToken));
                local.Add(await RunRoundAsync(inDriver, Spec($"in-silo, {callers} callers", callers, roundDuration), [callee], cpuPerCall, deadline, cancellationToken));
                if (callers == 1)
                {
                    var result = await LoadRunner.RunAsync("raw loopback TCP, 1 caller", 1, roundDuration, MaxCallsPerCaller, (_, n) => rawTcp.PingAsync(n));
                    Console.WriteLine(result);
                    raw.Add(result);
                }
            }

            var medianCross = Rounds.Median(cross);
            figures.Add(new ThroughputFigures(callers, medianCross, cpuPerCall[medianCross], Rounds.Median(local), raw.Count > 0 ? Rounds.Median(raw) : null));
        }

        // The targets must not have moved during the run, or "cross-silo" would not have been.
        await WarmTargetsAsync(inDriver, callee, cluster);
        await WarmTargetsAsync(crossDriver, callee, cluster);
        return figures;
    }

    private static LoadSpec Spec(string name, int callers, TimeSpan duration) =>
        new(name, callers, duration.TotalSeconds, FirstKey: 0, MaxCallsPerCaller);

    /// <summary>
    /// Runs one round and notes the CPU time the involved silos used during it, per completed call. That window is
    /// the whole driver call, so it includes the driver's bookkeeping before and after the timed run (allocating and
    /// sorting latency samples: a few per cent of a cross-silo round).
    /// </summary>
    private static async Task<LoadResult> RunRoundAsync(
        ILoadDriverGrain driver, LoadSpec spec, SiloProcess[] silos, Dictionary<LoadResult, double> cpuPerCall, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var cpuBefore = silos.Sum(s => s.CpuTime.TotalMicroseconds);
        var result = await driver.RunAsync(spec).WaitAsync(deadline, cancellationToken);
        var cpu = (silos.Sum(s => s.CpuTime.TotalMicroseconds) - cpuBefore) / Math.Max(1, result.Calls);
        cpuPerCall[result] = cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result}  cpu/call={cpu:N1} µs ({string.Join('+', silos.Select(s => s.NodeName))})"));
        return result;
    }

    private static async Task WarmTargetsAsync(ILoadDriverGrain driver, SiloProcess home, SiloCluster cluster)
    {
        var silos = await driver.WarmAsync(0, Shapes.Max());
        if (silos.Length != 1 || !home.Is(silos[0]))
        {
            throw new InvalidOperationException(
                $"The ping grains should all live on {home}, but they answered from {string.Join(", ", silos.Select(cluster.Describe))}.");
        }
    }

    private static async Task ExpectOnAsync(Task<string> where, SiloProcess expected, SiloCluster cluster, string what)
    {
        var silo = await where;
        if (!expected.Is(silo))
        {
            throw new InvalidOperationException($"{what} should live on {expected}, but it answered from {cluster.Describe(silo)}.");
        }
    }
}
