using System.Diagnostics;
using Actors.Benchmarks.Grains;

namespace Actors.Benchmarks.CrossSilo;

/// <summary>
/// Time from SIGKILL of a silo to the first successful call of a grain that lived there, with default membership
/// settings. Each sample: a fresh node-c silo joins, its driver activates a prefer-local ping grain there, the client
/// calls it once (so the route to node-c is known), node-c is killed, and the client calls the grain again and again
/// (each attempt bounded) until one succeeds.
/// </summary>
internal static class FailoverBenchmark
{
    private const string VictimNode = "node-c";
    private const long FirstKey = 1_000_000;
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public static async Task<IReadOnlyList<FailoverSample>> RunAsync(IGrainFactory client, SiloCluster cluster, int samples, CancellationToken cancellationToken)
    {
        var results = new List<FailoverSample>();
        for (var i = 0; i < samples; i++)
        {
            var victim = await cluster.StartSiloAsync(VictimNode, cancellationToken);
            var key = FirstKey + i;
            await PlaceOnVictimAsync(client, cluster, victim, key, cancellationToken);
            var ping = client.GetGrain<IPingTargetGrain>(key).WithResponseTimeout(AttemptTimeout);
            var before = await ping.WhereAsync().WaitAsync(AttemptTimeout * 2, cancellationToken);
            if (!victim.Is(before))
            {
                throw new InvalidOperationException($"Ping grain {key} should live on {victim}, but the client reached it on {cluster.Describe(before)}.");
            }

            victim.Kill();
            var sample = await CallUntilAnswerAsync(ping, cluster, i, cancellationToken);
            results.Add(sample);
            var attempts = string.Join(", ", Runs(sample.Attempts));
            Console.WriteLine(
                $"failover {i + 1}/{samples}: first successful call {sample.Elapsed.TotalSeconds:N2} s after SIGKILL of {victim}, " +
                $"answered from {sample.AnsweredFrom}; attempts: {attempts}");
        }

        return results;
    }

    /// <summary>Consecutive attempts with the same outcome as one entry: "TimeoutException at 2.00 s", "3 x SiloUnavailableException 4.10-4.25 s".</summary>
    private static IEnumerable<string> Runs(IReadOnlyList<(string Outcome, TimeSpan EndedAt)> attempts)
    {
        for (var start = 0; start < attempts.Count;)
        {
            var end = start;
            while (end + 1 < attempts.Count && attempts[end + 1].Outcome == attempts[start].Outcome)
            {
                end++;
            }

            yield return end == start
                ? $"{attempts[start].Outcome} at {attempts[start].EndedAt.TotalSeconds:N2} s"
                : $"{end - start + 1} x {attempts[start].Outcome} {attempts[start].EndedAt.TotalSeconds:N2}-{attempts[end].EndedAt.TotalSeconds:N2} s";
            start = end + 1;
        }
    }

    /// <summary>Activates ping grain <paramref name="key"/> from the victim's driver, retrying while the cluster learns of the new silo.</summary>
    private static async Task PlaceOnVictimAsync(IGrainFactory client, SiloCluster cluster, SiloProcess victim, long key, CancellationToken cancellationToken)
    {
        var driver = client.GetGrain<ILoadDriverGrain>(VictimNode).WithResponseTimeout(AttemptTimeout * 2);
        var elapsed = Stopwatch.StartNew();
        string last = "no attempt";
        while (elapsed.Elapsed < GiveUpAfter)
        {
            try
            {
                var silos = await driver.WarmAsync(key, 1).WaitAsync(AttemptTimeout * 3, cancellationToken);
                if (silos.Length == 1 && victim.Is(silos[0]))
                {
                    return;
                }

                last = $"it answered from {string.Join(", ", silos.Select(cluster.Describe))}";
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The new silo may not be Active in every view yet (node offline), or the previous node-c's driver
                // may not be purged yet: try again shortly.
                last = $"{ex.GetType().Name}: {ex.Message}";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        throw new TimeoutException($"Could not place ping grain {key} on {victim} within {GiveUpAfter}: {last}");
    }

    private static async Task<FailoverSample> CallUntilAnswerAsync(IPingTargetGrain ping, SiloCluster cluster, int value, CancellationToken cancellationToken)
    {
        var killedAt = Stopwatch.GetTimestamp();
        var attempts = new List<(string Outcome, TimeSpan EndedAt)>();
        while (Stopwatch.GetElapsedTime(killedAt) < GiveUpAfter)
        {
            try
            {
                var answer = await ping.PingAsync(value).WaitAsync(AttemptTimeout + TimeSpan.FromMilliseconds(500), cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(killedAt);
                if (answer != value + 1)
                {
                    throw new InvalidOperationException($"The ping grain answered {answer} for {value}.");
                }

                attempts.Add(("ok", elapsed));
                var where = await ping.WhereAsync().WaitAsync(AttemptTimeout * 2, cancellationToken);
                return new FailoverSample(elapsed, attempts, cluster.Describe(where));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Not yet. SiloUnavailableException (the grain's silo is dead but not yet declared so) and
                // TimeoutException are expected; any other type is counted and printed too, not hidden.
                attempts.Add((ex.GetType().Name, Stopwatch.GetElapsedTime(killedAt)));
            }

            await Task.Delay(PauseAfterFailure, cancellationToken);
        }

        throw new TimeoutException($"No call of the ping grain succeeded within {GiveUpAfter} of SIGKILL ({attempts.Count} attempts, the last: {attempts.LastOrDefault().Outcome}).");
    }
}
