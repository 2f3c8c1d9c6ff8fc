using System.Globalization;

namespace Actors.Benchmarks.Jobs;

/// <summary>Part (c)'s figures: median rounds, jobs per second.</summary>
internal sealed record CompletionFigures(int Jobs, int Nodes, int SlotsPerNode, int Parallelism, double OursPerSecond, double DockerPerSecond, string JobsPerNode)
{
    /// <summary>Our rate over docker run's.</summary>
    public double Ratio => OursPerSecond / DockerPerSecond;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"(c) one-shot jobs completed, {Jobs} per round: {Nodes} nodes x {SlotsPerNode} slots {OursPerSecond:N2} jobs/s (jobs per node: {JobsPerNode}); " +
        $"docker run with parallelism {Parallelism} {DockerPerSecond:N2} jobs/s; ratio {Ratio:N2}");
}
