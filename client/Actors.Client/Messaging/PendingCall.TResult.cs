using Actors.Invocation;
using Actors.Serialization;
using Actors.Transport.Serialization;

namespace Actors.Client.Messaging;

/// <summary>A grain call whose caller awaits a <see cref="Task{TResult}"/>.</summary>
internal sealed class PendingCall<TResult> : PendingCall
{
    // Completed from a connection's read loop or a timer: the caller's continuation must not run there.
    private readonly TaskCompletionSource<TResult> _source = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly GrainMethodDescriptor _method;
    private readonly GrainId _target;
    private CancellationTokenRegistration _cancellation;

    public PendingCall(long id, long deadlineTimestamp, TimeSpan timeout, GrainMethodDescriptor method, GrainId target)
        : base(id, deadlineTimestamp, timeout)
    {
        _method = method;
        _target = target;
    }

    public Task<TResult> Task => _source.Task;

    /// <summary>Ends the caller's wait when <paramref name="token"/> is cancelled (the call itself is not recalled).</summary>
    public void RegisterCancellation(CallRegistry registry, CancellationToken token)
    {
        if (!token.CanBeCanceled)
        {
            return;
        }

        _cancellation = token.UnsafeRegister(
            static (state, ct) =>
            {
                var (call, calls) = ((PendingCall<TResult>, CallRegistry))state!;
                if (calls.TryTake(call))
                {
                    call.Fail(new OperationCanceledException($"The caller cancelled {call.Describe()}.", ct));
                }
            },
            (this, registry));
    }

    public override string Describe() => $"{_method} on {_target} (call #{Id})";

    protected override void OnCompleted(ReadOnlyMemory<byte> body, ISerializer serializer)
    {
        _cancellation.Dispose();
        TResult result;
        try
        {
            result = GrainCallCodec.ReadResult<TResult>(body, serializer);
        }
        catch (Exception ex)
        {
            _source.TrySetException(new InvalidOperationException($"The response to {Describe()} could not be read: {ex.Message}", ex));
            return;
        }

        _source.TrySetResult(result);
    }

    protected override void OnFailed(Exception exception)
    {
        _cancellation.Dispose();
        if (exception is OperationCanceledException { CancellationToken.IsCancellationRequested: true } canceled)
        {
            _source.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            _source.TrySetException(exception);
        }
    }
}
