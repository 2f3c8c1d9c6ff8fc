using Actors.Runtime.Messaging;
using Actors.Runtime.Scheduling;

namespace Actors.Runtime.Activations;

/// <summary>Queues and the run loop: which work runs next, and on which thread.</summary>
internal sealed partial class ActivationData : IThreadPoolWorkItem
{
    /// <summary>
    /// Accepts a request (or timer tick) into the activation. Returns false when the activation is gone, and
    /// the caller must route the message again. A request that would deadlock or overflow the queue is failed.
    /// </summary>
    public bool Enqueue(Message message)
    {
        Exception? refusal = null;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid)
            {
                return false;
            }

            var couldStartNow = _state == ActivationState.Valid && CanStartLocked(message);
            if (message.CallChain is { } chain && !couldStartNow && WaitsOnItselfLocked(chain))
            {
                refusal = new DeadlockException([.. chain.Select(e => e.Grain), GrainId]);
            }
            else if (message.IsAlwaysInterleave)
            {
                _waitingInterleaved.Enqueue(message);
                ScheduleLocked();
            }
            else if (_waiting.Count >= _host.Messaging.MaxEnqueuedRequests)
            {
                refusal = new GrainOverloadedException(
                    $"{GrainId} has {_waiting.Count} requests waiting (limit {_host.Messaging.MaxEnqueuedRequests}); {message.Request} was refused.");
            }
            else
            {
                _waiting.Enqueue(message);
                ScheduleLocked();
            }
        }

        if (refusal is not null)
        {
            Refuse(message, refusal);
        }

        return true;
    }

    /// <summary>Queues a continuation (of grain code, or a completion it awaits) to run in <paramref name="context"/>'s turn.</summary>
    public void Post(SendOrPostCallback callback, object? state, TurnContext? context)
    {
        lock (_lock)
        {
            _ready.Enqueue(new WorkItem(callback, state, context));
            ScheduleLocked();
        }
    }

    /// <summary>Runs queued work on a pool thread, a bounded number of turns per pass so other activations get the thread too.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        var previousContext = TurnContext.Enter(_synchronizationContext, null);
        var previousGrain = RuntimeContext.SetCurrent(this);
        try
        {
            for (var budget = _host.Options.TurnsPerDispatch; ; budget--)
            {
                WorkItem item;
                Message? turn = null;
                lock (_lock)
                {
                    if (budget <= 0 && HasRunnableWorkLocked())
                    {
                        // Stay scheduled: go to the back of the pool's queue.
                        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                        return;
                    }

                    if (!_ready.TryDequeue(out item))
                    {
                        turn = TakeStartableTurnLocked();
                        if (turn is null)
                        {
                            _scheduled = false;
                            return;
                        }
                    }
                }

                try
                {
                    if (turn is null)
                    {
                        TurnContext.Enter(item.Context ?? (SynchronizationContext)_synchronizationContext, item.Context);
                        item.Callback(item.State);
                    }
                    else
                    {
                        StartTurn(turn);
                    }
                }
                catch (Exception ex)
                {
                    // A pool work item must never throw: that would end the process. Grain code's own exceptions
                    // are captured in its tasks; what lands here is code posted without a task (async void) or a
                    // runtime fault, and the activation carries on with its next work item.
                    Log.WorkItemFailed(_host.Logger, GrainId, ex);
                }
                finally
                {
                    TurnContext.Enter(_synchronizationContext, null);
                }
            }
        }
        finally
        {
            TurnContext.Exit(previousContext);
            RuntimeContext.SetCurrent(previousGrain);
        }
    }

    private void ScheduleLocked()
    {
        if (!_scheduled)
        {
            _scheduled = true;
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private bool HasRunnableWorkLocked() =>
        _ready.Count > 0
        || (_state == ActivationState.Valid && (_waitingInterleaved.Count > 0 || (_waiting.TryPeek(out var next) && CanStartLocked(next))))
        || (_state == ActivationState.Deactivating && _running.Count == 0 && !_deactivationTurnStarted);

    /// <summary>The next turn to start, moved into the running set; null when nothing may start now.</summary>
    private Message? TakeStartableTurnLocked()
    {
        switch (_state)
        {
            case ActivationState.Valid:
                if (_waitingInterleaved.TryDequeue(out var interleaved))
                {
                    return BeginTurnLocked(interleaved);
                }

                // FIFO: a request that may not start yet also holds back those behind it (no overtaking, no starvation).
                if (_waiting.TryPeek(out var next) && CanStartLocked(next))
                {
                    _waiting.Dequeue();
                    return BeginTurnLocked(next);
                }

                return null;

            case ActivationState.Deactivating when _running.Count == 0 && !_deactivationTurnStarted:
                _deactivationTurnStarted = true;
                return BeginTurnLocked(new Message { Kind = MessageKind.Deactivation, TargetGrain = GrainId });

            default:
                return null;
        }
    }

    private Message BeginTurnLocked(Message message)
    {
        message.TurnId = ++_nextTurnId;
        _running.Add(message);
        return message;
    }

    /// <summary>Orleans' rule: alone, or reentrant, or interleaving, or read-only among read-only turns.</summary>
    private bool CanStartLocked(Message message)
    {
        if (_running.Count == 0 || message.IsAlwaysInterleave || GrainClass.IsReentrant)
        {
            return true;
        }

        if (!message.IsReadOnly)
        {
            return false;
        }

        foreach (var running in _running)
        {
            if (!running.IsReadOnly)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when one of the turns running here is waiting, through <paramref name="chain"/>, on the new request.</summary>
    private bool WaitsOnItselfLocked(CallChainEntry[] chain)
    {
        foreach (var entry in chain)
        {
            if (entry.Grain != GrainId)
            {
                continue;
            }

            foreach (var running in _running)
            {
                if (running.TurnId == entry.TurnId)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void Refuse(Message message, Exception error)
    {
        if (message.ResponseSink is { } sink)
        {
            sink.Fail(error);
        }
        else
        {
            Log.MessageRefused(_host.Logger, message.ToString(), error);
        }
    }
}
