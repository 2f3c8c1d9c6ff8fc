using System.Globalization;

namespace Actors.Benchmarks.Measurement;

/// <summary>What one load run measured.</summary>
public sealed record LoadResult(
    string Name,
    int Callers,
    long Calls,
    TimeSpan Elapsed,
    double P50Micros,
    double P99Micros,
    long FewestCallsByOneCaller,
    double MeanCallsPerCaller,
    double OldestInFlightMillis)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-28} callers={Callers,3}  {CallsPerSecond,12:N0} calls/s  p50={P50Micros,8:N1} µs  p99={P99Micros,9:N1} µs  " +
        $"fewest={FewestCallsByOneCaller:N0} (mean {MeanCallsPerCaller:N0})  oldest-in-flight={OldestInFlightMillis:N2} ms");
}
