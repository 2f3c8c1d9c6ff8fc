using System.Net;
using Actors.Invocation;
using Actors.Runtime.Messaging;
using Actors.Transport;
using Actors.Transport.Serialization;

namespace Actors.Runtime.Networking.Gateway;

/// <summary>What the gateway does with each message a client sends.</summary>
internal sealed partial class ClientGateway
{
    /// <summary>Every message of every client; runs on the connection's read loop, so it only hands work on.</summary>
    private void OnMessage(FramedConnection connection, WireMessage wire)
    {
        if (!_clients.TryGetValue(connection, out var client))
        {
            return; // Registered before the connection starts reading; gone only once it has closed.
        }

        switch (wire.Kind)
        {
            case WireMessageKind.Request or WireMessageKind.OneWayRequest:
                OnRequest(client, wire);
                break;
            case WireMessageKind.SystemRequest:
                OnSystemRequest(client, wire);
                break;
            case WireMessageKind.Ping:
                client.Send(new WireMessage { Kind = WireMessageKind.Pong, CorrelationId = wire.CorrelationId, SendingSilo = Me });
                break;
            default:
                Log.Malformed(_logger, wire.ToString(), client.ToString(), "unexpected message kind");
                break;
        }
    }

    /// <summary>A client's grain call becomes a call of this silo, made on the client's behalf.</summary>
    private void OnRequest(GatewayClient client, WireMessage wire)
    {
        GrainRequest request;
        try
        {
            request = ReadRequest(wire);
        }
        catch (Exception ex)
        {
            if (wire.Kind == WireMessageKind.Request)
            {
                client.Send(new WireMessage { Kind = WireMessageKind.ErrorResponse, CorrelationId = wire.CorrelationId, SendingSilo = Me, Body = GrainCallCodec.WriteError(ex) });
            }
            else
            {
                Log.Malformed(_logger, wire.ToString(), client.ToString(), ex.Message);
            }

            return;
        }

        // No deadline from the client (an older or careless one) still must not wait forever: use this silo's default.
        var timeout = wire.TimeoutMilliseconds > 0 ? TimeSpan.FromMilliseconds(wire.TimeoutMilliseconds) : _defaultTimeout;
        var oneWay = wire.Kind == WireMessageKind.OneWayRequest;
        var message = new Message
        {
            Id = _callbacks.NextCallId(),
            Kind = oneWay ? MessageKind.OneWayRequest : MessageKind.Request,
            TargetGrain = wire.TargetGrain,
            SendingSilo = Me,
            Request = request,
            DeadlineTimestamp = _time.GetTimestamp() + (long)(timeout.TotalSeconds * _time.TimestampFrequency),
            TraceParent = wire.TraceParent,

            // The method's own attributes decide how it may interleave, whatever the client's flags say.
            IsReadOnly = request.Method.IsReadOnly,
            IsAlwaysInterleave = request.Method.IsAlwaysInterleave,
            IsRemoteOrigin = false,
        };

        if (!oneWay)
        {
            var completion = new GatewayCallCompletion(message, client, wire.CorrelationId, _serializer, _onCallEnded);
            message.ResponseSink = completion;
            OnCallStarted(completion);
            _callbacks.Register(completion);
        }

        _router.SendRequest(message);
    }

    private GrainRequest ReadRequest(WireMessage wire)
    {
        if (wire.TargetGrain.IsDefault)
        {
            throw new ArgumentException($"The request {wire.InterfaceName}.{wire.MethodSignature} names no target grain.");
        }

        try
        {
            return GrainCallCodec.ReadRequest(_interfaces, wire.InterfaceName ?? string.Empty, wire.MethodSignature ?? string.Empty, wire.Body, _serializer);
        }
        catch (Exception ex) when (ex is not InvalidOperationException)
        {
            throw new InvalidOperationException($"The arguments of {wire.InterfaceName}.{wire.MethodSignature} could not be read: {ex.Message}", ex);
        }
    }

    private void OnSystemRequest(GatewayClient client, WireMessage wire)
    {
        ReadOnlyMemory<byte> body;
        try
        {
            // A silo's grain classes are fixed for its life: the manifest is written once (a race writes it twice, harmlessly).
            body = wire.InterfaceName switch
            {
                GatewayOperations.Gateways => GatewayProtocol.WriteGateways(ActiveGateways()),
                GatewayOperations.Manifest => Volatile.Read(ref _manifest) ?? (_manifest = GatewayProtocol.WriteManifest(ManifestEntries()).ToArray()),
                _ => throw new NotSupportedException(
                    $"Unknown gateway system request '{wire.InterfaceName}'; this gateway answers '{GatewayOperations.Gateways}' and '{GatewayOperations.Manifest}'."),
            };
        }
        catch (Exception ex)
        {
            client.Send(new WireMessage { Kind = WireMessageKind.ErrorResponse, CorrelationId = wire.CorrelationId, SendingSilo = Me, Body = GrainCallCodec.WriteError(ex) });
            return;
        }

        client.Send(new WireMessage { Kind = WireMessageKind.SystemResponse, CorrelationId = wire.CorrelationId, SendingSilo = Me, Body = body });
    }

    private IEnumerable<string> ActiveGateways() =>
        _membership.CurrentView.Entries
            .Where(static e => e.Status == Membership.SiloStatus.Active && e.GatewayPort > 0)
            .OrderBy(static e => e.Silo)
            .Select(static e => new IPEndPoint(e.Silo.Endpoint.Address, e.GatewayPort).ToString());

    private IEnumerable<GatewayProtocol.ManifestEntry> ManifestEntries() =>
        _classes.Classes
            .OrderBy(static c => c.GrainType)
            .Select(c => new GatewayProtocol.ManifestEntry(c.GrainType.Value, c.ClassType.FullName!, [.. c.GrainInterfaces.Select(InterfaceName)]));

    private string InterfaceName(Type grainInterface)
    {
        try
        {
            return _interfaces.GetInterface(grainInterface).Name;
        }
        catch (ArgumentException)
        {
            // No generated proxy here for this (inherited) interface: its wire name is the declared one or its full name.
            return grainInterface.GetCustomAttributes(typeof(GrainInterfaceNameAttribute), inherit: false) is [GrainInterfaceNameAttribute named, ..]
                ? named.Name
                : grainInterface.FullName!;
        }
    }
}
