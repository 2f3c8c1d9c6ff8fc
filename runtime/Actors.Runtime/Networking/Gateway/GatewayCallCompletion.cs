using Actors.Invocation;
using Actors.Runtime.Messaging;
using Actors.Serialization;
using Actors.Transport;
using Actors.Transport.Serialization;

namespace Actors.Runtime.Networking.Gateway;

/// <summary>
/// A call a gateway makes on behalf of a cluster client: registered in the <see cref="CallbackRegistry"/> like any
/// call of this silo (so deadlines, dead silos and the silo's stop fail it), it relays the outcome, exactly once, to
/// the client's connection under the client's correlation id.
/// </summary>
/// <remarks>
/// A result that came over the network is relayed as the bytes it came in, without deserializing it; a result of a
/// local activation is serialized at once, inside the callee's turn, so the grain cannot change it afterwards.
/// Sending only queues a frame, so the relay runs inline rather than on the thread pool.
/// </remarks>
internal sealed class GatewayCallCompletion : ResponseCompletion
{
    private readonly GatewayClient _client;
    private readonly long _clientCorrelationId;
    private readonly ISerializer _serializer;
    private readonly Action<GatewayCallCompletion> _onEnded;
    private WireMessage? _response;

    public GatewayCallCompletion(Message request, GatewayClient client, long clientCorrelationId, ISerializer serializer, Action<GatewayCallCompletion> onEnded)
        : base(request, callerTurn: null)
    {
        _client = client;
        _clientCorrelationId = clientCorrelationId;
        _serializer = serializer;
        _onEnded = onEnded;
    }

    public GatewayClient Client => _client;

    public override void Complete(GrainRequest request, Task invocation) => Relay(WireOutcome.Of(request, invocation, _serializer));

    public override void CompleteBoxed(object? result) => Relay(WireOutcome.OfResult(Request.Request!, result, _serializer));

    public override void CompleteSerialized(ReadOnlyMemory<byte> body, ISerializer serializer) => Relay(WireMessageKind.Response, body);

    public override void Fail(Exception exception) => Relay(WireMessageKind.ErrorResponse, GrainCallCodec.WriteError(exception));

    /// <summary>Ends the call without answering (its client is gone); false when it had already ended.</summary>
    public bool Drop()
    {
        if (!TryClaim())
        {
            return false;
        }

        _onEnded(this);
        return true;
    }

    /// <summary>Sends the prepared response; runs inline on the completing thread (see the remarks).</summary>
    public override void Execute()
    {
        if (Interlocked.Exchange(ref _response, null) is { } response)
        {
            _client.Send(response);
        }

        // Only now: a draining gateway closes its connections once nothing is in flight, and must not close before
        // the response was queued.
        _onEnded(this);
    }

    private void Relay((WireMessageKind Kind, ReadOnlyMemory<byte> Body) outcome) => Relay(outcome.Kind, outcome.Body);

    private void Relay(WireMessageKind kind, ReadOnlyMemory<byte> body)
    {
        if (!TryClaim())
        {
            return;
        }

        _response = new WireMessage
        {
            Kind = kind,
            CorrelationId = _clientCorrelationId,
            SendingGrain = Request.TargetGrain,
            SendingSilo = Request.SendingSilo,
            Body = body,
        };
        Execute();
    }
}
