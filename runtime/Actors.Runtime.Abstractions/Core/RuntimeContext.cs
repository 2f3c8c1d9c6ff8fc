using System.ComponentModel;

namespace Actors;

/// <summary>The activation whose turn the current thread is running, if any.</summary>
public static class RuntimeContext
{
    [ThreadStatic]
    private static IGrainContext? t_current;

    /// <summary>The current activation, or null outside grain turns.</summary>
    public static IGrainContext? Current => t_current;

    /// <summary>Sets the current activation and returns the previous one (the runtime's scheduler calls this).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static IGrainContext? SetCurrent(IGrainContext? context)
    {
        var previous = t_current;
        t_current = context;
        return previous;
    }
}
