using Actors.GrainInterfaces.Jobs;

namespace Actors.Grains.Jobs.Scheduling;

/// <summary>The job queue and dispatcher's settings (configuration section <c>Actors:Jobs</c>).</summary>
public sealed class JobSchedulerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Actors:Jobs";

    /// <summary>The most jobs waiting for a node; beyond it submissions are refused (HTTP 429). Default 10,000.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>The fraction of <see cref="QueueCapacity"/> one submitter may hold (0 to 1]. Default 0.5.</summary>
    public double SubmitterQueueShare { get; set; } = 0.5;

    /// <summary>A node whose last report is older than this gets no new jobs. Default 10 s.</summary>
    public TimeSpan NodeReportTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the scheduler checks nodes, expired reservations and backed-off jobs. Default 1 s.</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first retry back-off; it doubles per failed attempt. Default 1 s.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest retry back-off. Default 60 s.</summary>
    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The CPUs a job gets when it does not say. Default 1.</summary>
    public double DefaultCpus { get; set; } = 1;

    /// <summary>The memory (MiB) a job gets when it does not say. Default 256.</summary>
    public int DefaultMemoryMb { get; set; } = 256;

    /// <summary>What a job occupies while it runs: its own figures, or the defaults.</summary>
    internal JobDemand DemandOf(JobSpec spec) => new(spec.Cpus ?? DefaultCpus, spec.MemoryMb ?? DefaultMemoryMb);

    /// <summary>The most jobs per submitter share; at least 1.</summary>
    internal int PerSubmitterCapacity => Math.Max(1, (int)Math.Ceiling(QueueCapacity * SubmitterQueueShare));
}
