using Actors.Runtime.Messaging;
using Actors.Runtime.Scheduling;
using Actors.Runtime.Timers;
using Actors.Timers;

namespace Actors.Runtime.Activations;

/// <summary>
/// One activation of a grain: its instance, its queue of waiting requests, the turns it is running, and its
/// lifecycle. Scheduling is in ActivationData.Scheduling.cs, turns in .Turns.cs, the lifecycle in .Lifecycle.cs.
/// </summary>
/// <remarks>
/// All mutable scheduling state is guarded by <see cref="_lock"/>; grain code itself never runs under it.
/// An activation is run by at most one pool thread at a time (<see cref="_scheduled"/>), so its turns never
/// run in parallel; interleaving (reentrancy) happens only at await points. Activations are queued on the
/// pool's global FIFO queue, so a busy silo serves them in arrival order.
/// </remarks>
internal sealed partial class ActivationData : IGrainContext
{
    private readonly ActivationHost _host;
    private readonly ActivationSynchronizationContext _synchronizationContext;
    private readonly Lock _lock = new();
    private readonly Queue<WorkItem> _ready = new();
    private readonly Queue<Message> _waiting = new();
    private readonly Queue<Message> _waitingInterleaved = new();
    private readonly List<Message> _running = new(2);
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ActivationState _state = ActivationState.Activating;
    private bool _scheduled;
    private bool _deactivationRequested;
    private bool _deactivationTurnStarted;
    private bool _registered;
    private DeactivationReason _deactivationReason;
    private List<GrainTimer>? _timers;
    private long _nextTurnId;
    private long _lastActivityTimestamp;
    private long _keepAliveUntilTimestamp;

    public ActivationData(ActivationHost host, GrainId grainId, GrainClassDescriptor grainClass)
    {
        _host = host;
        GrainId = grainId;
        GrainClass = grainClass;
        Address = new GrainAddress(grainId, host.Silo, Guid.NewGuid());
        _synchronizationContext = new ActivationSynchronizationContext(this);

        // Turn ids name turns in call chains; a random start keeps a stale chain entry from an earlier
        // activation of the same grain from matching a turn of this one.
        _nextTurnId = Random.Shared.NextInt64(1, long.MaxValue / 2);
        _lastActivityTimestamp = host.Time.GetTimestamp();
    }

    public GrainId GrainId { get; }

    /// <summary>Distinguishes this activation from earlier and later ones of the same grain (its directory entry).</summary>
    public GrainAddress Address { get; }

    public GrainClassDescriptor GrainClass { get; }

    /// <summary>The grain instance; set by the activation turn.</summary>
    public object? GrainInstance { get; private set; }

    public SiloAddress Silo => _host.Silo;

    public IServiceProvider ActivationServices => _host.Services;

    public IGrainFactory GrainFactory => _host.GrainFactory;

    /// <summary>Completes when the activation has left the catalog.</summary>
    public Task Deactivated => _deactivated.Task;

    public ActivationState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>Requests waiting plus turns running (a measure of load for stateless workers).</summary>
    public int Load
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count + _waitingInterleaved.Count + _running.Count;
            }
        }
    }

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        var until = _host.Time.GetTimestamp() + (long)(timeSpan.TotalSeconds * _host.Time.TimestampFrequency);
        Interlocked.Exchange(ref _keepAliveUntilTimestamp, Math.Max(until, Volatile.Read(ref _keepAliveUntilTimestamp)));
    }

    public IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new GrainTimer(this, (s, ct) => callback((TState)s!, ct), state, options, _host.Time);
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                throw new InvalidOperationException($"{GrainId} is deactivating; it cannot register timers.");
            }

            (_timers ??= []).Add(timer);
        }

        timer.Start();
        return timer;
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers?.Remove(timer);
        }
    }

    /// <summary>True when the activation has been idle for at least <paramref name="age"/>.</summary>
    public bool IsIdleFor(TimeSpan age, long nowTimestamp)
    {
        lock (_lock)
        {
            if (_state != ActivationState.Valid || _running.Count > 0 || _waiting.Count > 0 || _waitingInterleaved.Count > 0)
            {
                return false;
            }
        }

        return nowTimestamp >= Volatile.Read(ref _keepAliveUntilTimestamp)
            && _host.Time.GetElapsedTime(Volatile.Read(ref _lastActivityTimestamp), nowTimestamp) >= age;
    }

    public override string ToString() => $"[Activation {GrainId} on {Silo}]";

    /// <summary>A callback queued to run on the activation (continuations, completions, lifecycle steps), in its turn if it has one.</summary>
    private readonly record struct WorkItem(SendOrPostCallback Callback, object? State, TurnContext? Context);
}
