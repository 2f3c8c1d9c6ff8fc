using System.Collections.Concurrent;
using System.Diagnostics;
using Actors.Client.Connections;
using Actors.Invocation;
using Actors.Serialization;
using Actors.Transport;
using Actors.Transport.Serialization;

namespace Actors.Client.Messaging;

/// <summary>
/// The client side of grain references: makes proxies bound to this client, and turns each call into a request to
/// the current gateway with its deadline, trace context and flags, then waits for the response.
/// </summary>
internal sealed class ClientGrainRuntime(
    GrainInterfaceRegistry interfaces,
    CallRegistry calls,
    GatewayManager gateways,
    ISerializer serializer,
    TimeProvider time,
    TimeSpan defaultTimeout) : IGrainReferenceRuntime, IGrainReferenceResolver
{
    private readonly GrainInterfaceRegistry _interfaces = interfaces;
    private readonly CallRegistry _calls = calls;
    private readonly GatewayManager _gateways = gateways;
    private readonly ISerializer _serializer = serializer;
    private readonly TimeProvider _time = time;
    private readonly TimeSpan _defaultTimeout = defaultTimeout;
    private readonly ConcurrentDictionary<Type, GrainReferenceShared> _shared = new();

    public Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        var timeout = TimeoutOf(target, request);
        var deadline = Deadline(timeout);
        ReadOnlyMemory<byte> body;
        try
        {
            body = GrainCallCodec.WriteArguments(request, _serializer);
        }
        catch (Exception ex)
        {
            return Task.FromException<TResult>(new InvalidOperationException($"The arguments of {request.Method} could not be serialized: {ex.Message}", ex));
        }

        var call = new PendingCall<TResult>(_calls.NextId(), deadline, timeout, request.Method, target.GrainId);
        var message = CreateMessage(WireMessageKind.Request, call.Id, target, request.Method, body);
        _calls.Add(call);
        call.RegisterCancellation(_calls, request.CancellationToken);
        _gateways.Send(new Outgoing(message, call, deadline));
        return call.Task;
    }

    public void InvokeOneWay(GrainReference target, GrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        var deadline = Deadline(TimeoutOf(target, request));
        var body = GrainCallCodec.WriteArguments(request, _serializer);
        _gateways.Send(new Outgoing(CreateMessage(WireMessageKind.OneWayRequest, _calls.NextId(), target, request.Method, body), null, deadline));
    }

    public TGrainInterface Cast<TGrainInterface>(GrainReference reference)
        where TGrainInterface : IAddressable
    {
        ArgumentNullException.ThrowIfNull(reference);
        return CreateReference<TGrainInterface>(reference.GrainId);
    }

    /// <summary>A reference to <paramref name="grainId"/> through the interface with wire name <paramref name="interfaceName"/>.</summary>
    public GrainReference CreateReference(GrainId grainId, string interfaceName) =>
        _interfaces.TryGetInterface(interfaceName, out var descriptor)
            ? CreateReference(grainId, descriptor.InterfaceType)
            : throw new InvalidOperationException($"Unknown grain interface '{interfaceName}': no assembly loaded in this client has generated code for it.");

    public TGrainInterface CreateReference<TGrainInterface>(GrainId grainId) =>
        (TGrainInterface)(object)CreateReference(grainId, typeof(TGrainInterface));

    /// <summary>The wire name of a grain interface.</summary>
    /// <exception cref="ArgumentException">The type is not a grain interface with generated code.</exception>
    public string InterfaceName(Type grainInterface) => _interfaces.GetInterface(grainInterface).Name;

    private GrainReference CreateReference(GrainId grainId, Type grainInterface)
    {
        var shared = _shared.GetOrAdd(grainInterface, static (type, self) => new GrainReferenceShared(self._interfaces.GetInterface(type), self), this);
        return shared.Interface.CreateProxy!(shared, grainId);
    }

    private TimeSpan TimeoutOf(GrainReference target, GrainRequest request) =>
        target.Shared.ResponseTimeout ?? request.Method.ResponseTimeout ?? _defaultTimeout;

    private long Deadline(TimeSpan timeout) => _time.GetTimestamp() + (long)(timeout.TotalSeconds * _time.TimestampFrequency);

    private static WireMessage CreateMessage(WireMessageKind kind, long id, GrainReference target, GrainMethodDescriptor method, ReadOnlyMemory<byte> body) =>
        new()
        {
            Kind = kind,
            Flags = WireMessageFlags.IsClient
                | (method.IsReadOnly ? WireMessageFlags.ReadOnly : WireMessageFlags.None)
                | (method.IsAlwaysInterleave ? WireMessageFlags.AlwaysInterleave : WireMessageFlags.None),
            CorrelationId = id,
            TargetGrain = target.GrainId,
            InterfaceName = method.InterfaceName,
            MethodSignature = method.Signature,
            TraceParent = Activity.Current?.Id,
            Body = body,
        };
}
