using Actors.Serialization;

namespace Actors.Client.Messaging;

/// <summary>A system request to one gateway (gateway list, manifest): completes with the response's raw body.</summary>
internal sealed class PendingSystemCall(long id, long deadlineTimestamp, TimeSpan timeout, string operation, string gateway)
    : PendingCall(id, deadlineTimestamp, timeout)
{
    private readonly TaskCompletionSource<ReadOnlyMemory<byte>> _source = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _operation = operation;
    private readonly string _gateway = gateway;

    public Task<ReadOnlyMemory<byte>> Task => _source.Task;

    public override string Describe() => $"system request '{_operation}' to gateway {_gateway} (call #{Id})";

    protected override void OnCompleted(ReadOnlyMemory<byte> body, ISerializer serializer) => _source.TrySetResult(body);

    protected override void OnFailed(Exception exception) => _source.TrySetException(exception);
}
