using System.Collections.Concurrent;

namespace Actors.TestKit;

/// <summary>
/// A test's line to its grains, registered as a singleton in every silo: grains signal what happened and wait on
/// gates the test opens. Tests synchronise on these signals, never on sleeps; every wait has a bound and says
/// what it waited for when the bound passes.
/// </summary>
public sealed class Probe
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _counters = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _events = new();

    /// <summary>Everything recorded, in order.</summary>
    public IReadOnlyCollection<string> Events => _events;

    /// <summary>Records an event and signals it (so a test can await it), and counts it.</summary>
    public void Signal(string name)
    {
        _events.Enqueue(name);
        _counters.AddOrUpdate(name, 1, static (_, n) => n + 1);
        Source(name).TrySetResult();
    }

    /// <summary>How many times <paramref name="name"/> was signalled.</summary>
    public int Count(string name) => _counters.TryGetValue(name, out var n) ? n : 0;

    /// <summary>Opens a gate (same as signalling it).</summary>
    public void Open(string gate) => Signal(gate);

    /// <summary>Waits until <paramref name="name"/> is signalled (or the gate is opened).</summary>
    public Task WaitAsync(string name) => Source(name).Task;

    /// <summary>Waits, for at most <paramref name="timeout"/>, until <paramref name="name"/> is signalled; fails with what was awaited otherwise.</summary>
    public async Task WaitAsync(string name, TimeSpan? timeout)
    {
        try
        {
            await Source(name).Task.WaitAsync(timeout ?? DefaultWait);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"Waited {timeout ?? DefaultWait} for signal '{name}'. Signals so far: {string.Join(", ", _events.TakeLast(30))}");
        }
    }

    /// <summary>Waits until <paramref name="name"/> has been signalled at least <paramref name="count"/> times.</summary>
    public async Task WaitForCountAsync(string name, int count, TimeSpan? timeout = null)
    {
        for (var i = 1; i <= count; i++)
        {
            await WaitAsync($"{name}#{i}", timeout ?? DefaultWait);
        }
    }

    /// <summary>Signals <paramref name="name"/> and <c>name#n</c> for the n-th time, so tests can wait for counts.</summary>
    public void SignalCounted(string name)
    {
        var n = _counters.AddOrUpdate(name, 1, static (_, c) => c + 1);
        _events.Enqueue(name);
        Source(name).TrySetResult();
        Source($"{name}#{n}").TrySetResult();
    }

    private TaskCompletionSource Source(string name) =>
        _signals.GetOrAdd(name, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
