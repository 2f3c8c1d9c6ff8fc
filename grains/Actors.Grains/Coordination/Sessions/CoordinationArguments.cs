using Actors.GrainInterfaces.Coordination.Locks;

namespace Actors.Grains.Coordination.Sessions;

/// <summary>Argument checks shared by the coordination grains: each failure is an <see cref="ArgumentException"/> with a clear message.</summary>
internal static class CoordinationArguments
{
    /// <summary>The longest name of a lock, semaphore, election or session.</summary>
    public const int MaxNameLength = 256;

    /// <summary>The longest election value, in characters.</summary>
    public const int MaxValueLength = 64 * 1024;

    /// <summary>Checks a name (a grain key, a session id): non-empty, at most <see cref="MaxNameLength"/> characters.</summary>
    public static void Name(string? name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"The {what} must not be empty.", what);
        }

        if (name.Length > MaxNameLength)
        {
            throw new ArgumentException($"The {what} is {name.Length} characters long; at most {MaxNameLength} are allowed.", what);
        }
    }

    /// <summary>Checks a wait: zero (try once) up to <see cref="LockLimits.MaxWait"/>.</summary>
    public static void Wait(TimeSpan wait, string what = "wait")
    {
        if (wait < TimeSpan.Zero || wait > LockLimits.MaxWait)
        {
            throw new ArgumentException($"The {what} must be between 0 and {LockLimits.MaxWait}; it was {wait}.", what);
        }
    }

    /// <summary>Checks an owner label: null or at most <see cref="MaxNameLength"/> characters.</summary>
    public static void Owner(string? owner)
    {
        if (owner is not null && owner.Length > MaxNameLength)
        {
            throw new ArgumentException($"The owner is {owner.Length} characters long; at most {MaxNameLength} are allowed.", nameof(owner));
        }
    }
}
