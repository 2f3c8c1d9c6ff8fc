namespace Actors.GrainInterfaces.Jobs;

/// <summary>Where a job is in its lifecycle: <c>Queued → Scheduled → Running → Succeeded | Failed | TimedOut | Cancelled</c>.</summary>
public enum JobStatus
{
    /// <summary>Accepted and durable; waiting for a node with free capacity.</summary>
    Queued,

    /// <summary>An attempt was assigned to a node; its container is being created.</summary>
    Scheduled,

    /// <summary>The attempt's container runs.</summary>
    Running,

    /// <summary>The container exited with code 0; its stdout is the output.</summary>
    Succeeded,

    /// <summary>The container exited non-zero, was killed for memory, or infrastructure failed more often than the job allows.</summary>
    Failed,

    /// <summary>The container ran past the job's wall-clock timeout and was killed.</summary>
    TimedOut,

    /// <summary>Cancelled by a user; a running container was killed.</summary>
    Cancelled,
}
