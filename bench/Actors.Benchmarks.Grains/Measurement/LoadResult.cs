using System.Globalization;

namespace Actors.Benchmarks.Grains.Measurement;

/// <summary>What one load run measured.</summary>
/// <param name="Name">The run's label.</param>
/// <param name="Callers">Concurrent closed-loop callers.</param>
/// <param name="Calls">Calls completed within the run's time.</param>
/// <param name="Elapsed">The run's time.</param>
/// <param name="P50Micros">Median call latency, µs.</param>
/// <param name="P99Micros">99th percentile call latency, µs.</param>
/// <param name="FewestCallsByOneCaller">The fewest calls any single caller completed.</param>
/// <param name="MeanCallsPerCaller">Calls per caller on average.</param>
/// <param name="OldestInFlightMillis">How long the oldest call still outstanding at the end had been waiting, ms.</param>
/// <param name="MeanInFlight">
/// Calls in flight on average (total time callers spent waiting for answers divided by the run's time): equal to
/// the number of callers when they all really run concurrently, about 1 when something serializes them.
/// </param>
public sealed record LoadResult(
    string Name,
    int Callers,
    long Calls,
    TimeSpan Elapsed,
    double P50Micros,
    double P99Micros,
    long FewestCallsByOneCaller,
    double MeanCallsPerCaller,
    double OldestInFlightMillis,
    double MeanInFlight)
{
    /// <summary>Completed calls per second.</summary>
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-28} callers={Callers,3}  {CallsPerSecond,12:N0} calls/s  p50={P50Micros,8:N1} µs  p99={P99Micros,9:N1} µs  " +
        $"fewest={FewestCallsByOneCaller:N0} (mean {MeanCallsPerCaller:N0})  oldest-in-flight={OldestInFlightMillis:N2} ms  in-flight={MeanInFlight:N1}");
}
