using Actors.Runtime.Activations;
using Actors.Runtime.Messaging;
using Actors.Timers;

namespace Actors.Runtime.Timers;

/// <summary>
/// A grain timer: each tick is queued as a turn of its activation (interleaving only when asked), and the next
/// tick is scheduled when the callback's task completes, so ticks never overlap.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<object?, CancellationToken, Task> _callback;
    private readonly object? _state;
    private readonly GrainTimerCreationOptions _options;
    private readonly ITimer _timer;
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2213", Justification = "A callback still running may read or register on its token; it holds no unmanaged resource.")]
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _lock = new();
    private TimeSpan _period;

    public GrainTimer(ActivationData activation, Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options, TimeProvider time)
    {
        ValidateTime(options.DueTime, nameof(options.DueTime));
        ValidateTime(options.Period, nameof(options.Period));
        _activation = activation;
        _callback = callback;
        _state = state;
        _options = options;
        _period = options.Period;
        _timer = time.CreateTimer(static s => ((GrainTimer)s!).OnTimerFired(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Ticks count as activity for idle collection.</summary>
    public bool KeepAlive => _options.KeepAlive;

    public void Start() => Reschedule(_options.DueTime);

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        ValidateTime(dueTime, nameof(dueTime));
        ValidateTime(period, nameof(period));
        lock (_lock)
        {
            _period = period;
        }

        Reschedule(dueTime);
    }

    /// <summary>Runs the callback (called by the activation as the tick's turn).</summary>
    public Task InvokeCallbackAsync() => _disposed.IsCancellationRequested ? Task.CompletedTask : _callback(_state, _disposed.Token);

    /// <summary>The tick's turn finished: schedule the next one.</summary>
    public void OnTickCompleted(Task task)
    {
        if (task.IsFaulted)
        {
            _activation.ReportTimerFailure(task.Exception!.GetBaseException());
        }

        TimeSpan period;
        lock (_lock)
        {
            period = _period;
        }

        if (period != Timeout.InfiniteTimeSpan)
        {
            Reschedule(period);
        }
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        _timer.Dispose();
        _activation.RemoveTimer(this);
    }

    private void OnTimerFired()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _activation.Enqueue(new Message
        {
            Kind = MessageKind.TimerTick,
            TargetGrain = _activation.GrainId,
            Timer = this,
            IsAlwaysInterleave = _options.Interleave,
        });
    }

    private void Reschedule(TimeSpan dueTime)
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        try
        {
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed concurrently: no more ticks, which is what disposal asked for.
        }
    }

    private static void ValidateTime(TimeSpan value, string name)
    {
        if (value != Timeout.InfiniteTimeSpan && value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "A timer time must be zero or more, or Timeout.InfiniteTimeSpan.");
        }
    }
}
