using Actors.Runtime.Directory;
using Actors.Runtime.Messaging;
using Actors.Runtime.Timers;

namespace Actors.Runtime.Activations;

/// <summary>Activation (make the grain, read its state, OnActivateAsync) and deactivation (OnDeactivateAsync, leave the catalog).</summary>
internal sealed partial class ActivationData
{
    /// <summary>Queues the activation turn. Called once, by the catalog, after the activation won its place there.</summary>
    public void StartActivation()
    {
        lock (_lock)
        {
            var turn = BeginTurnLocked(new Message { Kind = MessageKind.Activation, TargetGrain = GrainId });
            _ready.Enqueue(new WorkItem(
                static state =>
                {
                    var (activation, activationTurn) = ((ActivationData, Message))state!;
                    activation.StartTurn(activationTurn);
                },
                (this, turn),
                null));
            ScheduleLocked();
        }
    }

    public void Deactivate(DeactivationReason reason)
    {
        List<GrainTimer>? timers;
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid || _deactivationRequested)
            {
                return;
            }

            _deactivationReason = reason;
            if (_state == ActivationState.Activating)
            {
                _deactivationRequested = true;
                return;
            }

            timers = BeginDeactivatingLocked();
        }

        DisposeTimers(timers);
    }

    /// <summary>Deactivates and waits until the activation has left the catalog.</summary>
    public Task DeactivateAsync(DeactivationReason reason)
    {
        Deactivate(reason);
        return Deactivated;
    }

    /// <summary>
    /// Leaves the catalog at once without OnDeactivateAsync (the silo was declared dead: the grain already belongs
    /// elsewhere). Waiting requests fail with <paramref name="error"/>; a turn still running finishes unobserved.
    /// </summary>
    public void Abandon(Exception error)
    {
        foreach (var message in BecomeInvalid())
        {
            if (message.Kind is MessageKind.Request or MessageKind.OneWayRequest)
            {
                Refuse(message, error);
            }
        }
    }

    private void RunActivation(Message turn)
    {
        // The constructor of Grain reads RuntimeContext.Current, which the run loop sets to this activation for
        // every step of the turn, also after the directory registration's await.
        EnterTurn(turn);
        Task task;
        try
        {
            task = GrainClass.IsStatelessWorker ? CreateAndActivateGrainAsync() : RegisterThenActivateGrainAsync();
        }
        catch (Exception ex)
        {
            task = Task.FromException(ex);
        }

        AwaitTurn(turn, task);
    }

    /// <summary>Single activation: the grain is made only after this activation won its directory registration.</summary>
    private async Task RegisterThenActivateGrainAsync()
    {
        var winner = await _host.Locator.RegisterAsync(Address, CancellationToken.None);
        if (!winner.Equals(Address))
        {
            throw new DuplicateActivationException(winner);
        }

        _registered = true;
        await CreateAndActivateGrainAsync();
    }

    private async Task CreateAndActivateGrainAsync()
    {
        var grain = _host.Activator.CreateInstance(this, out var states);
        GrainInstance = grain;
        foreach (var state in states)
        {
            await state.ReadStateAsync();
        }

        await grain.OnActivateAsync(CancellationToken.None);
    }

    private void OnActivationCompleted(Task task)
    {
        if (task.IsCompletedSuccessfully)
        {
            List<GrainTimer>? timers = null;
            lock (_lock)
            {
                _state = ActivationState.Valid;
                if (_deactivationRequested)
                {
                    timers = BeginDeactivatingLocked();
                }
            }

            DisposeTimers(timers);
            _host.Instruments.ActivationCreated(GrainClass.GrainType);
            Log.Activated(_host.Logger, GrainId, Silo);
            return;
        }

        var error = task.IsCanceled ? new TaskCanceledException(task) : task.Exception!.GetBaseException();
        if (error is DuplicateActivationException duplicate)
        {
            // Another silo won the race for this grain: everything queued here goes to the winner.
            Log.Duplicate(_host.Logger, GrainId, duplicate.Winner);
            foreach (var message in BecomeInvalid())
            {
                if (message.Kind is MessageKind.Request or MessageKind.OneWayRequest)
                {
                    _host.Router.Forward(message, duplicate.Winner);
                }
            }

            return;
        }

        Log.ActivationFailed(_host.Logger, GrainId, error);
        var waiting = BecomeInvalid();
        foreach (var message in waiting)
        {
            if (message.Kind is MessageKind.Request or MessageKind.OneWayRequest)
            {
                Refuse(message, error);
            }
        }

        UnregisterIfRegistered();
    }

    private void RunDeactivation(Message turn)
    {
        EnterTurn(turn);
        Task task;
        try
        {
            task = GrainInstance is Grain grain ? DeactivateGrainAsync(grain, _deactivationReason) : Task.CompletedTask;
        }
        catch (Exception ex)
        {
            task = Task.FromException(ex);
        }

        AwaitTurn(turn, task);
    }

    private async Task DeactivateGrainAsync(Grain grain, DeactivationReason reason)
    {
        using var timeout = new CancellationTokenSource(_host.Options.DeactivationTimeout, _host.Time);
        await grain.OnDeactivateAsync(reason, timeout.Token);
    }

    /// <summary>
    /// Removes this activation's directory entry once it has left the catalog. Not awaited by the turn: a new
    /// activation of the grain on this silo replaces an entry of an earlier one anyway (see GrainLocator).
    /// </summary>
    private void UnregisterIfRegistered()
    {
        if (!_registered)
        {
            return;
        }

        _registered = false;
        _ = UnregisterAsync();

        async Task UnregisterAsync()
        {
            try
            {
                await _host.Locator.UnregisterAsync(Address, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Log.UnregisterFailed(_host.Logger, Address, ex);
            }
        }
    }

    private void OnDeactivationCompleted(Task task)
    {
        if (!task.IsCompletedSuccessfully)
        {
            Log.DeactivationFailed(_host.Logger, GrainId, task.Exception?.GetBaseException());
        }

        _host.Instruments.ActivationDestroyed(GrainClass.GrainType);
        Log.Deactivated(_host.Logger, GrainId, _deactivationReason.ToString());

        // Requests that arrived while deactivating go to a new activation (timer ticks end with this one).
        var waiting = BecomeInvalid();
        UnregisterIfRegistered();
        foreach (var message in waiting)
        {
            if (message.Kind is MessageKind.Request or MessageKind.OneWayRequest)
            {
                _host.Router.Reroute(message);
            }
        }
    }

    private List<GrainTimer>? BeginDeactivatingLocked()
    {
        _state = ActivationState.Deactivating;
        var timers = _timers;
        _timers = null;
        ScheduleLocked();
        return timers;
    }

    /// <summary>Leaves the catalog and returns the messages still waiting.</summary>
    private List<Message> BecomeInvalid()
    {
        List<Message> waiting;
        List<GrainTimer>? timers;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            waiting = [.. _waitingInterleaved, .. _waiting];
            _waitingInterleaved.Clear();
            _waiting.Clear();
            timers = _timers;
            _timers = null;
        }

        DisposeTimers(timers);
        _host.Catalog.OnActivationGone(this);
        _deactivated.TrySetResult();
        return waiting;
    }

    private static void DisposeTimers(List<GrainTimer>? timers)
    {
        if (timers is null)
        {
            return;
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }
}
