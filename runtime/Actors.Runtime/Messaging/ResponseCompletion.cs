using Actors.Invocation;
using Actors.Serialization;
using Actors.Runtime.Scheduling;

namespace Actors.Runtime.Messaging;

/// <summary>
/// The caller's side of one call: completes the caller's task exactly once, with the result, the callee's
/// exception, a timeout or a cancellation, whichever comes first.
/// </summary>
/// <remarks>
/// The caller's continuation never runs inside the callee's turn. A grain caller is completed inside its own
/// turn on its own activation, where its await continues inline (one hop). Any other caller is completed from
/// the completing thread's local pool queue: the continuation usually runs on the same thread right after the
/// callee's turn, with no cross-thread wake-up. Fairness is kept by the activations, which always go through
/// the pool's global FIFO queue, so one caller's chain of calls cannot hold a thread.
/// </remarks>
internal abstract class ResponseCompletion : IResponseSink, IThreadPoolWorkItem
{
    private int _completed;

    protected ResponseCompletion(Message request, TurnContext? callerTurn)
    {
        Request = request;
        CallerTurn = callerTurn;
    }

    public Message Request { get; }

    public long CallId => Request.Id;

    public long DeadlineTimestamp => Request.DeadlineTimestamp;

    /// <summary>The grain turn that made the call and awaits it, or null when the caller is not a grain.</summary>
    public TurnContext? CallerTurn { get; }

    /// <summary>Set by the registry so completion can unregister.</summary>
    public CallbackRegistry? Registry { get; set; }

    /// <summary>Completes from the callee's finished invocation task (in-silo).</summary>
    public abstract void Complete(GrainRequest request, Task invocation);

    /// <summary>Completes with a boxed result (after incoming filters, or from the wire).</summary>
    public abstract void CompleteBoxed(object? result);

    /// <summary>Completes with a result read from a response that came over the network.</summary>
    public abstract void CompleteSerialized(ReadOnlyMemory<byte> body, ISerializer serializer);

    /// <summary>Completes with an exception.</summary>
    public abstract void Fail(Exception exception);

    /// <summary>The exception a failed or cancelled invocation ended with (unwrapped when it is a single one).</summary>
    public static Exception ErrorOf(Task failed) =>
        failed.IsCanceled ? new TaskCanceledException(failed)
        : failed.Exception!.InnerExceptions.Count == 1 ? failed.Exception.InnerExceptions[0]
        : failed.Exception;

    /// <summary>Takes the right to complete; false when something else already completed this call.</summary>
    protected bool TryClaim()
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }

        Registry?.Unregister(this);
        return true;
    }

    /// <summary>Hands the completion to the caller's scheduler.</summary>
    protected void Dispatch()
    {
        if (CallerTurn is { } caller)
        {
            caller.Activation.Post(static s => ((ResponseCompletion)s!).Execute(), this, caller);
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    /// <summary>Completes the caller's task on the current thread.</summary>
    public abstract void Execute();
}
