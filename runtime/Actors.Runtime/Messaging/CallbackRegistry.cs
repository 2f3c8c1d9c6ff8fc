using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Actors.Runtime.Messaging;

/// <summary>
/// The calls this silo is waiting on, by call id. A periodic sweep fails the ones past their deadline with a
/// <see cref="TimeoutException"/>: cheaper than a timer per call, and the sweep only visits calls in flight.
/// </summary>
internal sealed class CallbackRegistry : IDisposable
{
    private readonly ConcurrentDictionary<long, ResponseCompletion> _pending = new();
    private readonly TimeProvider _time;
    private readonly ITimer _sweep;
    private long _nextCallId;

    public CallbackRegistry(TimeProvider time, IOptions<MessagingOptions> options)
    {
        _time = time;
        var period = options.Value.TimeoutCheckPeriod;
        _sweep = time.CreateTimer(static state => ((CallbackRegistry)state!).FailExpired(), this, period, period);
    }

    public int PendingCount => _pending.Count;

    public long NextCallId() => Interlocked.Increment(ref _nextCallId);

    public void Register(ResponseCompletion completion)
    {
        completion.Registry = this;
        _pending[completion.CallId] = completion;
    }

    public void Unregister(ResponseCompletion completion) => _pending.TryRemove(new KeyValuePair<long, ResponseCompletion>(completion.CallId, completion));

    public bool TryGet(long callId, out ResponseCompletion completion) => _pending.TryGetValue(callId, out completion!);

    /// <summary>Fails every pending call with <paramref name="error"/> (for example when the silo stops).</summary>
    public void FailAll(Func<ResponseCompletion, Exception> error)
    {
        foreach (var completion in _pending.Values)
        {
            completion.Fail(error(completion));
        }
    }

    /// <summary>Fails the pending calls matching <paramref name="predicate"/> (for example those sent to a dead silo).</summary>
    public void FailWhere(Func<ResponseCompletion, bool> predicate, Func<ResponseCompletion, Exception> error)
    {
        foreach (var completion in _pending.Values)
        {
            if (predicate(completion))
            {
                completion.Fail(error(completion));
            }
        }
    }

    public void Dispose() => _sweep.Dispose();

    private void FailExpired()
    {
        var now = _time.GetTimestamp();
        foreach (var completion in _pending.Values)
        {
            if (completion.DeadlineTimestamp != 0 && now > completion.DeadlineTimestamp)
            {
                var message = completion.Request;
                completion.Fail(new TimeoutException(
                    $"No response to {message.Request} on {message.TargetGrain} within its deadline " +
                    $"(call #{message.Id}{(message.SendingGrain.IsDefault ? string.Empty : ", from " + message.SendingGrain)})."));
            }
        }
    }
}
