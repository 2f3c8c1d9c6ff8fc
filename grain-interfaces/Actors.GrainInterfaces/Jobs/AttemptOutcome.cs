namespace Actors.GrainInterfaces.Jobs;

/// <summary>How one attempt ended.</summary>
public enum AttemptOutcome
{
    /// <summary>The container exited by itself (any exit code).</summary>
    Exited,

    /// <summary>The container was killed after the job's wall-clock timeout.</summary>
    TimedOut,

    /// <summary>The container was killed by the kernel for exceeding its memory limit.</summary>
    OutOfMemory,

    /// <summary>The attempt was cancelled (the job was cancelled, or the attempt was superseded).</summary>
    Cancelled,

    /// <summary>The infrastructure failed: the engine errored, the image could not be found, or the node died.</summary>
    InfrastructureError,
}
