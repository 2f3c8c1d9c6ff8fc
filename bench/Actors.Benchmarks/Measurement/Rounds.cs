using Actors.Benchmarks.Grains.Measurement;

namespace Actors.Benchmarks.Measurement;

/// <summary>
/// Alternates the subject and its baseline in short rounds and keeps the median of each, so a slow spell of the
/// machine (other tenants, a GC) lands on both sides instead of deciding the comparison.
/// </summary>
public static class Rounds
{
    public static async Task<(LoadResult Subject, LoadResult Baseline)> AlternateAsync(
        int rounds, Func<Task<LoadResult>> subject, Func<Task<LoadResult>> baseline)
    {
        var subjects = new List<LoadResult>();
        var baselines = new List<LoadResult>();
        for (var i = 0; i < rounds; i++)
        {
            subjects.Add(await subject());
            baselines.Add(await baseline());
        }

        return (Median(subjects), Median(baselines));
    }

    /// <summary>The round with the median throughput (its latency and fairness figures come with it).</summary>
    public static LoadResult Median(IReadOnlyList<LoadResult> results) =>
        results.OrderBy(r => r.CallsPerSecond).ElementAt(results.Count / 2);
}
