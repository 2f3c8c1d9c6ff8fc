namespace Actors.Benchmarks.Jobs;

/// <summary>Nearest-rank percentiles of a set of samples.</summary>
internal static class Percentiles
{
    /// <summary>The <paramref name="percent"/>th percentile (nearest rank) of <paramref name="samples"/>, or NaN when there are none.</summary>
    public static double Of(IEnumerable<double> samples, double percent)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>The median (nearest rank, the upper one of an even count's two middles).</summary>
    public static double Median(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
