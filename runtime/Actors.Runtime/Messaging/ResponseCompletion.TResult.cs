using Actors.Invocation;
using Actors.Runtime.Scheduling;
using Actors.Serialization;
using Actors.Transport.Serialization;

namespace Actors.Runtime.Messaging;

/// <summary>A completion whose caller awaits a <see cref="Task{TResult}"/>.</summary>
internal sealed class ResponseCompletion<TResult> : ResponseCompletion
{
    // Continuations run synchronously inside Execute, which always runs on the caller's scheduler (see base).
    private readonly TaskCompletionSource<TResult> _source = new();
    private readonly IDeepCopier _copier;
    private TResult? _result;
    private Exception? _exception;
    private CancellationTokenRegistration _cancellation;

    public ResponseCompletion(Message request, TurnContext? callerTurn, IDeepCopier copier)
        : base(request, callerTurn)
    {
        _copier = copier;
    }

    public Task<TResult> Task => _source.Task;

    /// <summary>Ends the caller's wait when <paramref name="token"/> is cancelled.</summary>
    public void RegisterCancellation(CancellationToken token)
    {
        if (token.CanBeCanceled)
        {
            _cancellation = token.UnsafeRegister(
                static (state, ct) => ((ResponseCompletion<TResult>)state!).Fail(new OperationCanceledException("The caller cancelled the grain call.", ct)),
                this);
        }
    }

    public override void Complete(GrainRequest request, Task invocation)
    {
        if (invocation.IsCompletedSuccessfully)
        {
            // Copy on the callee's side of the handoff: the callee may change the object once its turn ends.
            TResult result;
            try
            {
                result = _copier.Copy(((GrainRequest<TResult>)request).GetResult(invocation));
            }
            catch (Exception ex)
            {
                Fail(ex);
                return;
            }

            if (TryClaim())
            {
                _result = result;
                Dispatch();
            }

            return;
        }

        Fail(ErrorOf(invocation));
    }

    public override void CompleteBoxed(object? result)
    {
        TResult typed;
        try
        {
            typed = _copier.Copy(result is null ? default! : (TResult)result);
        }
        catch (Exception ex)
        {
            Fail(ex);
            return;
        }

        if (TryClaim())
        {
            _result = typed;
            Dispatch();
        }
    }

    public override void CompleteSerialized(ReadOnlyMemory<byte> body, ISerializer serializer)
    {
        TResult result;
        try
        {
            result = GrainCallCodec.ReadResult<TResult>(body, serializer);
        }
        catch (Exception ex)
        {
            Fail(new InvalidOperationException($"The response to {Request.Request} could not be read: {ex.Message}", ex));
            return;
        }

        if (TryClaim())
        {
            _result = result;
            Dispatch();
        }
    }

    public override void Fail(Exception exception)
    {
        if (TryClaim())
        {
            _exception = exception;
            Dispatch();
        }
    }

    public override void Execute()
    {
        _cancellation.Dispose();
        if (_exception is null)
        {
            _source.TrySetResult(_result!);
        }
        else if (_exception is OperationCanceledException canceled && canceled.CancellationToken.IsCancellationRequested)
        {
            _source.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            _source.TrySetException(_exception);
        }
    }

}
