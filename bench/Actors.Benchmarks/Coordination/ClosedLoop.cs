using System.Diagnostics;
using System.Globalization;
using Actors.Benchmarks.Jobs;

namespace Actors.Benchmarks.Coordination;

/// <summary>
/// Closed-loop clients: each runs one operation after the other until the round's time is up (and at most
/// <see cref="MaxOperationsPerClient"/>); an operation counts when it returns, a refused one is tallied by kind.
/// </summary>
internal static class ClosedLoop
{
    /// <summary>A bound on each client's operations in one round, beside the round's time.</summary>
    public const int MaxOperationsPerClient = 1_000_000;

    /// <summary>Runs <paramref name="operation"/>(client, n) on <paramref name="clients"/> clients for <paramref name="duration"/>.</summary>
    public static async Task<ThroughputRound> RunAsync(
        string label, int clients, TimeSpan duration, Func<int, int, Task> operation, CancellationToken cancellationToken)
    {
        var latencies = Enumerable.Range(0, clients).Select(_ => new List<double>()).ToArray();
        var refused = new Dictionary<string, int>(StringComparer.Ordinal);
        var elapsed = Stopwatch.StartNew();
        var completed = await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var count = 0L;
            for (var n = 0; n < MaxOperationsPerClient && elapsed.Elapsed < duration; n++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await operation(i, n);
                    latencies[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    count++;
                }
                catch (CoordinationCallException ex)
                {
                    Note(label, refused, ex.Kind, ex.Message);
                }
                catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    Note(label, refused, "timeout", ex.Message);
                }
                catch (HttpRequestException ex)
                {
                    Note(label, refused, "connection", ex.Message);
                }
            }

            return count;
        }, cancellationToken)));
        elapsed.Stop();
        var all = latencies.SelectMany(l => l).ToList();
        return new ThroughputRound(label, clients, completed.Sum(), elapsed.Elapsed, Percentiles.Median(all), Percentiles.Of(all, 99), Describe(refused), null);
    }

    private static void Note(string label, Dictionary<string, int> refused, string kind, string message)
    {
        lock (refused)
        {
            if (refused.TryGetValue(kind, out var seen))
            {
                refused[kind] = seen + 1;
            }
            else
            {
                refused[kind] = 1;
                Console.WriteLine($"{label}: first '{kind}': {(message.Length > 300 ? message[..300] : message)}");
            }
        }
    }

    private static string Describe(Dictionary<string, int> refused) =>
        string.Join(", ", refused.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} x {r.Value:N0}")));
}
