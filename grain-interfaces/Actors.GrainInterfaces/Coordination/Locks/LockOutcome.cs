namespace Actors.GrainInterfaces.Coordination.Locks;

/// <summary>How an acquire ended.</summary>
public enum LockOutcome
{
    /// <summary>Held now, with a fencing token.</summary>
    Granted,

    /// <summary>Not granted within the wait (a try that found it held).</summary>
    TimedOut,

    /// <summary>The session is unknown or has ended (also while waiting).</summary>
    SessionUnknown,

    /// <summary>The request does not fit the lock (a semaphore asked with a different number of permits).</summary>
    Conflict,
}
