using Actors.Invocation;
using Actors.Runtime.Activations;

namespace Actors.Runtime.Messaging;

/// <summary>
/// The caller's side of one call: completes the caller's task exactly once, with the result, the callee's
/// exception, a timeout or a cancellation, whichever comes first.
/// </summary>
/// <remarks>
/// The caller's continuation never runs inside the callee's turn. A grain caller is completed on its own
/// activation (its await continues inline there, one hop); any other caller is completed from the thread pool's
/// global FIFO queue, so a busy silo serves callers in arrival order instead of starving older ones.
/// </remarks>
internal abstract class ResponseCompletion : IResponseSink, IThreadPoolWorkItem
{
    private int _completed;

    protected ResponseCompletion(Message request, ActivationData? callerActivation)
    {
        Request = request;
        CallerActivation = callerActivation;
    }

    public Message Request { get; }

    public long CallId => Request.Id;

    public long DeadlineTimestamp => Request.DeadlineTimestamp;

    /// <summary>The activation that made the call and awaits on its own scheduler, or null.</summary>
    public ActivationData? CallerActivation { get; }

    /// <summary>Set by the registry so completion can unregister.</summary>
    public CallbackRegistry? Registry { get; set; }

    /// <summary>Completes from the callee's finished invocation task (in-silo).</summary>
    public abstract void Complete(GrainRequest request, Task invocation);

    /// <summary>Completes with a boxed result (after incoming filters, or from the wire).</summary>
    public abstract void CompleteBoxed(object? result);

    /// <summary>Completes with an exception.</summary>
    public abstract void Fail(Exception exception);

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
        if (CallerActivation is { } caller && caller.TryPostCompletion(this))
        {
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>Completes the caller's task on the current thread.</summary>
    public abstract void Execute();
}
