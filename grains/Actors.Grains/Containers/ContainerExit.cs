namespace Actors.Grains.Containers;

/// <summary>Why a container stopped.</summary>
public enum ContainerExit
{
    /// <summary>Its process exited by itself.</summary>
    Exited,

    /// <summary>It was killed at the wall-clock timeout.</summary>
    TimedOut,

    /// <summary>The kernel killed it for exceeding its memory limit (the engine's <c>OOMKilled</c>).</summary>
    OutOfMemory,

    /// <summary>It was killed because the run was cancelled.</summary>
    Cancelled,
}
