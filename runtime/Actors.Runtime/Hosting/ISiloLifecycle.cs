namespace Actors.Runtime.Hosting;

/// <summary>The silo's ordered start and stop.</summary>
public interface ISiloLifecycle
{
    /// <summary>
    /// Runs <paramref name="onStart"/> when the silo starts through <paramref name="stage"/>, and <paramref name="onStop"/>
    /// when it stops through it (stages stop in reverse order). Observers of one stage run concurrently.
    /// </summary>
    void Subscribe(string observerName, int stage, Func<CancellationToken, Task> onStart, Func<CancellationToken, Task>? onStop = null);
}
