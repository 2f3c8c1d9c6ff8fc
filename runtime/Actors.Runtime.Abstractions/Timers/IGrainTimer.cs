namespace Actors.Timers;

/// <summary>An in-memory timer of one activation. Dispose to stop it; it also stops with the activation.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Reschedules the timer: the next tick after <paramref name="dueTime"/>, then every <paramref name="period"/>
    /// (<see cref="Timeout.InfiniteTimeSpan"/> for a single tick).</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
