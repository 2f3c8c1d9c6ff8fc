namespace Actors.GrainInterfaces.Coordination.Locks;

/// <summary>How a lock is held.</summary>
public enum LockMode
{
    /// <summary>Alone: a plain lock, or the writer of a read/write lock.</summary>
    Exclusive,

    /// <summary>Together with other shared holders: a reader of a read/write lock.</summary>
    Shared,
}
