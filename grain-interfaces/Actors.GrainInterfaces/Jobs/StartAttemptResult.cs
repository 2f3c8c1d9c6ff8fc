namespace Actors.GrainInterfaces.Jobs;

/// <summary>A node's answer to an assignment.</summary>
public enum StartAttemptResult
{
    /// <summary>The node took the attempt; it reports its end to the Task grain.</summary>
    Started,

    /// <summary>The node already runs this attempt (a repeated assignment): nothing new was started.</summary>
    AlreadyRunning,

    /// <summary>Not enough free capacity now: the scheduler should place it elsewhere or later.</summary>
    NoCapacity,

    /// <summary>The node's container engine is unreachable.</summary>
    EngineUnavailable,

    /// <summary>The job asks for more than the node's maxima (CPU or memory) and can never run here.</summary>
    TooLarge,
}
