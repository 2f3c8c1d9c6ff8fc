namespace Actors.Grains.Jobs.Executors;

/// <summary>
/// This silo's executor node (configuration section <c>Actors:Executor</c>): whether the silo runs jobs on its
/// container engine, what capacity it offers and the limits every container gets.
/// </summary>
public sealed class ExecutorOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Actors:Executor";

    /// <summary>Whether this silo is an executor node. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>CPUs offered to jobs. Default: the machine's processor count.</summary>
    public double Cpus { get; set; } = Environment.ProcessorCount;

    /// <summary>Memory offered to jobs, MiB. Default 4096.</summary>
    public int MemoryMb { get; set; } = 4096;

    /// <summary>Jobs run at once. Default 2 per processor.</summary>
    public int Slots { get; set; } = Environment.ProcessorCount * 2;

    /// <summary>The most CPUs one job may ask for. Default: <see cref="Cpus"/>.</summary>
    public double? MaxJobCpus { get; set; }

    /// <summary>The most memory one job may ask for, MiB. Default: <see cref="MemoryMb"/>.</summary>
    public int? MaxJobMemoryMb { get; set; }

    /// <summary>The most processes in one container. Default 256.</summary>
    public int PidsLimit { get; set; } = 256;

    /// <summary>The size of each container's writable <c>/tmp</c>, MiB. Default 64.</summary>
    public int TmpfsMb { get; set; } = 64;

    /// <summary>The most stdout bytes kept per attempt; beyond it the output is cut and marked truncated. Default 10 MiB.</summary>
    public long StdoutCapBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How often the node reports itself to the scheduler (it also reports at every start and end). Default 2 s.</summary>
    public TimeSpan ReportPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The effective per-job CPU maximum.</summary>
    internal double JobCpusLimit => MaxJobCpus ?? Cpus;

    /// <summary>The effective per-job memory maximum, MiB.</summary>
    internal int JobMemoryLimitMb => MaxJobMemoryMb ?? MemoryMb;
}
