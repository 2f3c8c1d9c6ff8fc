using System.Globalization;

namespace Actors.Benchmarks.Jobs;

/// <summary>Part (a)'s figures, milliseconds.</summary>
internal sealed record SyncLatencyFigures(
    int Runs, double OursP50, double OursP90, double DockerP50, double DockerP90, double AdapterP50, double AdapterP90, string Phases)
{
    /// <summary>POST /v1/run's median over docker run's median (the goal: at most 1.0).</summary>
    public double Ratio => OursP50 / DockerP50;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"(a) sync job latency, {Runs} runs each: POST /v1/run p50 {OursP50:N0} ms p90 {OursP90:N0} ms; " +
        $"docker run --rm -i --network none p50 {DockerP50:N0} ms p90 {DockerP90:N0} ms; ratio {Ratio:N2} (goal <= 1.0: {(Ratio <= 1.0 ? "met" : "MISSED")}); " +
        $"adapter alone p50 {AdapterP50:N0} ms p90 {AdapterP90:N0} ms; phases of POST /v1/run (median ms): {Phases}");
}
