using System.Globalization;

namespace Actors.Benchmarks.Jobs;

/// <summary>
/// Part (b)'s figures: the median round of each side, the durability check (rows stored for the jobs accepted), and
/// how many grain directory entries the run left (each activation registers with an INSERT of its own).
/// </summary>
internal sealed record SubmitFigures(ThroughputRound Jobs, ThroughputRound Inserts, long Accepted, long Stored, long DirectoryEntries)
{
    /// <summary>The goal of issue 4 for accepted jobs per second.</summary>
    public const double Goal = 10_000;

    /// <summary>Accepted jobs per second over single-row inserts per second.</summary>
    public double Ratio => Jobs.PerSecond / Inserts.PerSecond;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"(b) jobs accepted durably: POST /v1/jobs, {Jobs.Clients} clients {Jobs.PerSecond:N0} jobs/s (p50 {Jobs.P50Millis:N1} ms, p99 {Jobs.P99Millis:N1} ms); " +
        $"single-row INSERT ceiling, {Inserts.Clients} clients {Inserts.PerSecond:N0} rows/s (p50 {Inserts.P50Millis:N1} ms); ratio {Ratio:N2}; " +
        $"goal >= {Goal:N0} jobs/s: {(Jobs.PerSecond >= Goal ? "met" : "MISSED")}; every 202 stored: {(Stored >= Accepted ? "yes" : "NO")} ({Stored:N0} rows for {Accepted:N0} accepted); grain directory entries {DirectoryEntries:N0}");
}
