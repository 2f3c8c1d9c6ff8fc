using Actors.GrainInterfaces.Jobs;

namespace Actors.Grains.Jobs.Executors;

/// <summary>An attempt an executor node has taken: waiting for a slot or running.</summary>
internal sealed class RunningAttempt(JobAssignment assignment, JobDemand demand, DateTimeOffset acceptedAt) : IDisposable
{
    /// <summary>What to run.</summary>
    public JobAssignment Assignment { get; } = assignment;

    /// <summary>The capacity it holds.</summary>
    public JobDemand Demand { get; } = demand;

    /// <summary>When the node took it.</summary>
    public DateTimeOffset AcceptedAt { get; } = acceptedAt;

    /// <summary>Kills its container.</summary>
    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Whether it occupies a slot (its container is being run).</summary>
    public bool Running { get; set; }

    /// <summary>The job.</summary>
    public string JobId => Assignment.JobId;

    /// <summary>The attempt number.</summary>
    public int Attempt => Assignment.Attempt;

    /// <summary>As the node reports it.</summary>
    public RunningJob ToRunningJob() => new(JobId, Attempt, Demand, AcceptedAt);

    /// <inheritdoc />
    public void Dispose() => Cancellation.Dispose();
}
