using System.Globalization;

namespace Actors.Benchmarks.Jobs;

/// <summary>Part (c)'s figures: median rounds, jobs per second.</summary>
/// <remarks><see cref="SiloCpuMillisPerJob"/> is the CPU time both silos used per job during our rounds (output checks included).</remarks>
internal sealed record CompletionFigures(
    int Jobs, int Nodes, int SlotsPerNode, int Parallelism, double OursPerSecond, double DockerPerSecond, double SiloCpuMillisPerJob, string JobsPerNode)
{
    /// <summary>Our rate over docker run's.</summary>
    public double Ratio => OursPerSecond / DockerPerSecond;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"(c) one-shot jobs completed, {Jobs} per round: {Nodes} nodes x {SlotsPerNode} slots {OursPerSecond:N2} jobs/s (jobs per node: {JobsPerNode}; silo CPU {SiloCpuMillisPerJob:N1} ms/job); " +
        $"docker run with parallelism {Parallelism} {DockerPerSecond:N2} jobs/s; ratio {Ratio:N2}");
}
