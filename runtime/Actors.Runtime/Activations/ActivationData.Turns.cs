using Actors.Runtime.Filters;
using Actors.Runtime.Messaging;
using Actors.Runtime.Scheduling;

namespace Actors.Runtime.Activations;

/// <summary>Running one turn (a request, a timer tick, activation or deactivation) and finishing it.</summary>
internal sealed partial class ActivationData
{
    private bool HasIncomingFilters => _host.IncomingFilters.Length > 0 || GrainClass.IsIncomingFilter;

    private void StartTurn(Message turn)
    {
        switch (turn.Kind)
        {
            case MessageKind.Request:
            case MessageKind.OneWayRequest:
                RunRequest(turn);
                break;
            case MessageKind.TimerTick:
                RunTimerTick(turn);
                break;
            case MessageKind.Activation:
                RunActivation(turn);
                break;
            case MessageKind.Deactivation:
                RunDeactivation(turn);
                break;
        }
    }

    private void RunRequest(Message message)
    {
        var now = _host.Time.GetTimestamp();
        Volatile.Write(ref _lastActivityTimestamp, now);
        var request = message.Request!;
        if (message.IsExpired(now))
        {
            // The caller has stopped waiting: running the request now would only do work nobody reads.
            Log.ExpiredRequestDropped(_host.Logger, message.ToString());
            EndTurn(message);
            message.ResponseSink?.Fail(new TimeoutException($"{request} on {GrainId} expired before it could run."));
            return;
        }

        if (request.Method.AcceptsCancellation)
        {
            var source = CancellationTokenSource.CreateLinkedTokenSource(request.CancellationToken);
            if (message.DeadlineTimestamp != 0)
            {
                source.CancelAfter(_host.Time.GetElapsedTime(now, message.DeadlineTimestamp));
            }

            message.CancellationSource = source;
            request.CancellationToken = source.Token;
        }

        EnterTurn(message);
        Task task;
        try
        {
            if (HasIncomingFilters)
            {
                message.ResultIsBoxed = true;
                task = IncomingGrainCallContext.InvokeAsync(this, message, _host.IncomingFilters);
            }
            else
            {
                task = request.InvokeAsync(GrainInstance!);
            }
        }
        catch (Exception ex)
        {
            task = Task.FromException(ex);
        }

        AwaitTurn(message, task);
    }

    private void RunTimerTick(Message message)
    {
        var timer = message.Timer!;
        if (timer.KeepAlive)
        {
            Volatile.Write(ref _lastActivityTimestamp, _host.Time.GetTimestamp());
        }

        EnterTurn(message);
        Task task;
        try
        {
            task = timer.InvokeCallbackAsync();
        }
        catch (Exception ex)
        {
            task = Task.FromException(ex);
        }

        AwaitTurn(message, task);
    }

    /// <summary>
    /// Makes the turn's own context current for its synchronous part; its continuations carry it (the run loop
    /// restores the activation's context after each work item).
    /// </summary>
    private void EnterTurn(Message turn)
    {
        var context = new TurnContext(this, turn);
        TurnContext.Enter(context, context);
    }

    /// <summary>Finishes the turn now, or when its task completes (the continuation is posted back to this activation).</summary>
    private void AwaitTurn(Message turn, Task task)
    {
        turn.InvocationTask = task;
        if (task.IsCompleted)
        {
            OnTurnCompleted(turn);
            return;
        }

        turn.OnInvocationCompleted ??= () => OnTurnCompleted(turn);
        task.GetAwaiter().UnsafeOnCompleted(turn.OnInvocationCompleted);
    }

    private void OnTurnCompleted(Message turn)
    {
        EndTurn(turn);
        var task = turn.InvocationTask!;
        switch (turn.Kind)
        {
            case MessageKind.Request:
                Volatile.Write(ref _lastActivityTimestamp, _host.Time.GetTimestamp());
                if (turn.ResultIsBoxed && task.IsCompletedSuccessfully)
                {
#pragma warning disable VSTHRD002 // The task has completed: reading its result does not wait.
                    turn.ResponseSink?.CompleteBoxed(((Task<object?>)task).GetAwaiter().GetResult());
#pragma warning restore VSTHRD002
                }
                else
                {
                    turn.ResponseSink?.Complete(turn.Request!, task);
                }

                break;
            case MessageKind.OneWayRequest:
                Volatile.Write(ref _lastActivityTimestamp, _host.Time.GetTimestamp());
                if (task.IsFaulted)
                {
                    Log.OneWayRequestFailed(_host.Logger, turn.ToString(), task.Exception!.GetBaseException());
                }

                break;
            case MessageKind.TimerTick:
                turn.Timer!.OnTickCompleted(task);
                break;
            case MessageKind.Activation:
                OnActivationCompleted(task);
                break;
            case MessageKind.Deactivation:
                OnDeactivationCompleted(task);
                break;
        }
    }

    private void EndTurn(Message turn)
    {
        lock (_lock)
        {
            _running.Remove(turn);
        }

        turn.CancellationSource?.Dispose();
    }
}
