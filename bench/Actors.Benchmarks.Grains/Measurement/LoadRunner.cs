using System.Diagnostics;

namespace Actors.Benchmarks.Grains.Measurement;

/// <summary>
/// Runs callers in closed loops (each awaits its call before making the next) for a fixed time, bounded also
/// by a call count, and records every call's latency (up to a cap per caller) and how many calls each caller made.
/// At the end it reads how long the oldest call still in flight has been waiting: a starved caller shows up there.
/// Callers start with Task.Run, so run from inside a grain turn they call as non-grain code, concurrently.
/// </summary>
public static class LoadRunner
{
    private const int MaxSamplesPerCaller = 2_000_000;

    /// <summary>Runs <paramref name="callers"/> closed loops of <paramref name="call"/>(caller, n), which must answer n + 1.</summary>
    public static async Task<LoadResult> RunAsync(string name, int callers, TimeSpan duration, long maxCallsPerCaller, Func<int, int, Task<int>> call)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(callers);
        var perCallerCap = (int)Math.Min(MaxSamplesPerCaller / Math.Max(1, callers / 8), maxCallsPerCaller);
        var samples = new long[callers][];
        for (var c = 0; c < callers; c++)
        {
            samples[c] = new long[perCallerCap];
        }

        var counts = new long[callers];
        var busyTicks = new long[callers];
        var inFlightSince = new long[callers];
        var stop = 0;
        var tasks = new Task[callers];
        var start = Stopwatch.GetTimestamp();
        for (var c = 0; c < callers; c++)
        {
            var caller = c;
            tasks[caller] = Task.Run(async () =>
            {
                var mine = samples[caller];
                long n = 0;
                long busy = 0;
                while (Volatile.Read(ref stop) == 0 && n < maxCallsPerCaller)
                {
                    var before = Stopwatch.GetTimestamp();
                    Volatile.Write(ref inFlightSince[caller], before);
                    var result = await call(caller, (int)n);
                    var after = Stopwatch.GetTimestamp();
                    Volatile.Write(ref inFlightSince[caller], 0);
                    if (result != (int)n + 1)
                    {
                        throw new InvalidOperationException($"Caller {caller} got {result} for {n}.");
                    }

                    if (n < mine.Length)
                    {
                        mine[n] = after - before;
                    }

                    n++;
                    busy += after - before;
                    Volatile.Write(ref busyTicks[caller], busy);
                    Volatile.Write(ref counts[caller], n);
                }
            });
        }

        var deadline = Task.Delay(duration);
        await Task.WhenAny(deadline, Task.WhenAll(tasks));
        var end = Stopwatch.GetTimestamp();
        var oldest = 0L;
        var busyAtEnd = 0L;
        for (var c = 0; c < callers; c++)
        {
            var since = Volatile.Read(ref inFlightSince[c]);
            if (since != 0)
            {
                oldest = Math.Max(oldest, end - since);
                busyAtEnd += end - Math.Max(since, start);
            }

            busyAtEnd += Volatile.Read(ref busyTicks[c]);
        }

        var finalCounts = counts.Select(c => Volatile.Read(ref c)).ToArray();
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(tasks);

        var all = new List<long>();
        for (var c = 0; c < callers; c++)
        {
            all.AddRange(samples[c].Take((int)Math.Min(finalCounts[c], samples[c].Length)));
        }

        all.Sort();
        double Percentile(double p) => all.Count == 0 ? 0 : all[(int)Math.Min(all.Count - 1, p * all.Count)] * 1_000_000.0 / Stopwatch.Frequency;
        return new LoadResult(
            name,
            callers,
            finalCounts.Sum(),
            Stopwatch.GetElapsedTime(start, end),
            Percentile(0.50),
            Percentile(0.99),
            finalCounts.Min(),
            finalCounts.Average(),
            oldest * 1000.0 / Stopwatch.Frequency,
            (double)busyAtEnd / (end - start));
    }
}
