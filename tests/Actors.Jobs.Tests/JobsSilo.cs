using Actors.TestKit.Processes;

namespace Actors.Jobs.Tests;

/// <summary>One silo process of a <see cref="JobsCluster"/> and an API client for it.</summary>
internal sealed class JobsSilo(SiloProcess process, string nodeName)
{
    public SiloProcess Process { get; } = process;

    public string NodeName { get; } = nodeName;

    public JobsApi Api { get; } = new(process.BaseAddress);

    public override string ToString() => $"{NodeName} (pid {Process.Pid})";
}
