namespace Actors.Timers;

/// <summary>How a grain timer ticks.</summary>
public readonly record struct GrainTimerCreationOptions
{
    /// <summary>Creates options with a due time and a period.</summary>
    public GrainTimerCreationOptions(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        Period = period;
    }

    /// <summary>Time to the first tick.</summary>
    public TimeSpan DueTime { get; init; }

    /// <summary>Time from the end of one tick's callback to the next tick; <see cref="Timeout.InfiniteTimeSpan"/> for one tick.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>
    /// When true the callback may interleave with the activation's requests (like [AlwaysInterleave]);
    /// by default it waits its turn like a request. Default false.
    /// </summary>
    public bool Interleave { get; init; }

    /// <summary>When true each tick counts as activity and keeps the activation from idle collection. Default false.</summary>
    public bool KeepAlive { get; init; }
}
