using Actors.Invocation;
using Actors.Runtime.Messaging;
using Actors.Serialization;
using Actors.Transport;
using Actors.Transport.Serialization;

namespace Actors.Runtime.Networking;

/// <summary>Turns requests into wire messages and back. Deadlines travel as the time left, so silo clocks need not agree.</summary>
internal sealed class WireConversion(GrainInterfaceRegistry interfaces, ISerializer serializer, TimeProvider time)
{
    private readonly GrainInterfaceRegistry _interfaces = interfaces;
    private readonly ISerializer _serializer = serializer;
    private readonly TimeProvider _time = time;

    public ISerializer Serializer => _serializer;

    /// <summary>The wire form of a request sent to <paramref name="target"/>; null when its deadline already passed.</summary>
    public WireMessage? ToWire(Message message, SiloAddress target)
    {
        var request = message.Request!;
        var timeout = 0;
        if (message.DeadlineTimestamp != 0)
        {
            var left = message.DeadlineTimestamp - _time.GetTimestamp();
            if (left <= 0)
            {
                return null;
            }

            timeout = (int)Math.Clamp(left * 1000 / _time.TimestampFrequency, 1, int.MaxValue);
        }

        return new WireMessage
        {
            Kind = message.Kind == MessageKind.OneWayRequest ? WireMessageKind.OneWayRequest : WireMessageKind.Request,
            Flags = (message.IsReadOnly ? WireMessageFlags.ReadOnly : WireMessageFlags.None)
                | (message.IsAlwaysInterleave ? WireMessageFlags.AlwaysInterleave : WireMessageFlags.None),
            CorrelationId = message.Id,
            TargetGrain = message.TargetGrain,
            SendingGrain = message.SendingGrain,
            TargetSilo = target,
            SendingSilo = message.SendingSilo,
            InterfaceName = request.Method.InterfaceName,
            MethodSignature = request.Method.Signature,
            TimeoutMilliseconds = timeout,
            CallChain = message.CallChain is { } chain ? Array.ConvertAll(chain, static e => new WireCallChainEntry(e.Grain, e.TurnId)) : null,
            TraceParent = message.TraceParent,
            ForwardCount = message.ForwardCount,
            CacheInvalidations = message.CacheInvalidations,
            Body = GrainCallCodec.WriteArguments(request, _serializer),
        };
    }

    /// <summary>The request a wire message carries (its arguments read), addressed to this silo.</summary>
    /// <exception cref="InvalidOperationException">The method is unknown here, or the arguments cannot be read.</exception>
    public Message FromWire(WireMessage wire)
    {
        GrainRequest request;
        try
        {
            request = GrainCallCodec.ReadRequest(_interfaces, wire.InterfaceName ?? string.Empty, wire.MethodSignature ?? string.Empty, wire.Body, _serializer);
        }
        catch (Exception ex) when (ex is not InvalidOperationException)
        {
            throw new InvalidOperationException($"The arguments of {wire.InterfaceName}.{wire.MethodSignature} could not be read: {ex.Message}", ex);
        }

        return new Message
        {
            Id = wire.CorrelationId,
            Kind = wire.Kind == WireMessageKind.OneWayRequest ? MessageKind.OneWayRequest : MessageKind.Request,
            TargetGrain = wire.TargetGrain,
            SendingGrain = wire.SendingGrain,
            SendingSilo = wire.SendingSilo,
            Request = request,
            DeadlineTimestamp = wire.TimeoutMilliseconds == 0 ? 0 : _time.GetTimestamp() + (wire.TimeoutMilliseconds * _time.TimestampFrequency / 1000),
            CallChain = wire.CallChain is { } chain ? Array.ConvertAll(chain, static e => new CallChainEntry(e.Grain, e.TurnId)) : null,
            TraceParent = wire.TraceParent,
            IsReadOnly = (wire.Flags & WireMessageFlags.ReadOnly) != 0,
            IsAlwaysInterleave = (wire.Flags & WireMessageFlags.AlwaysInterleave) != 0,
            IsRemoteOrigin = true,
            ForwardCount = wire.ForwardCount,
            CacheInvalidations = wire.CacheInvalidations,
        };
    }
}
