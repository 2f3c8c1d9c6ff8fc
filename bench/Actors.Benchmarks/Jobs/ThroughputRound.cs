using System.Globalization;

namespace Actors.Benchmarks.Jobs;

/// <summary>One timed round of part (b): how many things were accepted (202) or inserted, in how long, and how fast each was.</summary>
/// <param name="Label">What ran.</param>
/// <param name="Clients">Concurrent clients.</param>
/// <param name="Completed">Jobs accepted (202), or rows inserted.</param>
/// <param name="Elapsed">From the first request to the last answer.</param>
/// <param name="P50Millis">Median latency of one request.</param>
/// <param name="P99Millis">99th percentile latency.</param>
/// <param name="Refused">Answers other than the expected one, by kind ("429 x 12"), empty when none.</param>
/// <param name="CpuMicrosPerItem">CPU time the silo used per accepted job, when measured.</param>
internal sealed record ThroughputRound(
    string Label, int Clients, long Completed, TimeSpan Elapsed, double P50Millis, double P99Millis, string Refused, double? CpuMicrosPerItem)
{
    /// <summary>Completed per second.</summary>
    public double PerSecond => Completed / Elapsed.TotalSeconds;

    public override string ToString()
    {
        var cpu = CpuMicrosPerItem is { } micros ? string.Create(CultureInfo.InvariantCulture, $"  silo CPU {micros:N0} µs/job") : string.Empty;
        var refused = Refused.Length > 0 ? $"  other answers: {Refused}" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Label,-34} {Clients,3} clients {Completed,9:N0} in {Elapsed.TotalSeconds,5:N1} s = {PerSecond,8:N0}/s  p50 {P50Millis,6:N2} ms  p99 {P99Millis,7:N2} ms{cpu}{refused}");
    }
}
