using System.Collections.Concurrent;

namespace Actors.Client.Messaging;

/// <summary>
/// The requests the client is waiting on, by correlation id. A periodic sweep fails those past their deadline with a
/// <see cref="TimeoutException"/> naming the call: one timer for all calls, visiting only the calls in flight.
/// </summary>
internal sealed class CallRegistry : IDisposable
{
    /// <summary>How late, at most, a call times out.</summary>
    public static readonly TimeSpan SweepPeriod = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<long, PendingCall> _pending = new();
    private readonly TimeProvider _time;
    private readonly ITimer _sweep;
    private long _nextId;

    public CallRegistry(TimeProvider time)
    {
        _time = time;
        _sweep = time.CreateTimer(static state => ((CallRegistry)state!).FailExpired(), this, SweepPeriod, SweepPeriod);
    }

    public int Count => _pending.Count;

    /// <summary>A correlation id unique within this client.</summary>
    public long NextId() => Interlocked.Increment(ref _nextId);

    public void Add(PendingCall call) => _pending[call.Id] = call;

    /// <summary>Takes the call with <paramref name="id"/> out, to complete it; false when something else already did.</summary>
    public bool TryTake(long id, out PendingCall call) => _pending.TryRemove(id, out call!);

    /// <summary>Takes <paramref name="call"/> out, to complete it; false when something else already did.</summary>
    public bool TryTake(PendingCall call) => _pending.TryRemove(new KeyValuePair<long, PendingCall>(call.Id, call));

    /// <summary>Fails the calls matching <paramref name="predicate"/>; returns how many.</summary>
    public int FailWhere(Func<PendingCall, bool> predicate, Func<PendingCall, Exception> error)
    {
        var failed = 0;
        foreach (var call in _pending.Values)
        {
            if (predicate(call) && TryTake(call))
            {
                call.Fail(error(call));
                failed++;
            }
        }

        return failed;
    }

    public void Dispose() => _sweep.Dispose();

    private void FailExpired()
    {
        var now = _time.GetTimestamp();
        foreach (var call in _pending.Values)
        {
            if (now > call.DeadlineTimestamp && TryTake(call))
            {
                var where = call.Connection is { } connection ? $"through gateway {connection.EndPoint}" : "while no gateway was connected";
                call.Fail(new TimeoutException($"No response to {call.Describe()} within its deadline of {call.Timeout} ({where})."));
            }
        }
    }
}
