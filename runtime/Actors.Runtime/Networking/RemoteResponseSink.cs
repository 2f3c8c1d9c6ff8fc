using Actors.Invocation;
using Actors.Runtime.Messaging;
using Actors.Transport;
using Actors.Transport.Serialization;

namespace Actors.Runtime.Networking;

/// <summary>Sends the outcome of a request that came from another silo back to that silo, exactly once.</summary>
internal sealed class RemoteResponseSink(SiloConnections connections, Message message) : IResponseSink
{
    private readonly SiloConnections _connections = connections;
    private readonly Message _message = message;
    private int _sent;

    public void Complete(GrainRequest request, Task invocation) => Send(WireOutcome.Of(request, invocation, _connections.Serializer));

    public void CompleteBoxed(object? result) => Send(WireOutcome.OfResult(_message.Request!, result, _connections.Serializer));

    public void Fail(Exception exception) => Send((WireMessageKind.ErrorResponse, GrainCallCodec.WriteError(exception)));

    private void Send((WireMessageKind Kind, ReadOnlyMemory<byte> Body) outcome)
    {
        var (kind, body) = outcome;
        if (Interlocked.Exchange(ref _sent, 1) != 0 || _message.SendingSilo is not { } caller)
        {
            return;
        }

        _connections.SendResponse(caller, new WireMessage
        {
            Kind = kind,
            CorrelationId = _message.Id,
            TargetGrain = _message.SendingGrain,
            SendingGrain = _message.TargetGrain,
            TargetSilo = caller,
            CacheInvalidations = _message.CacheInvalidations,
            Body = body,
        });
    }
}
