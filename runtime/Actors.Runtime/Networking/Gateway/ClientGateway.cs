using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Actors.Invocation;
using Actors.Runtime.Activations;
using Actors.Runtime.Hosting;
using Actors.Runtime.Membership;
using Actors.Runtime.Messaging;
using Actors.Serialization;
using Actors.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Runtime.Networking.Gateway;

/// <summary>
/// The silo's door for cluster clients: a listener on the silo's address and <see cref="ILocalSiloDetails.GatewayPort"/>
/// that accepts client connections of this cluster, turns their requests into calls this silo makes on their behalf
/// (routed anywhere in the cluster) and relays the outcomes back. Opens when the silo is Active, closes first on stop.
/// </summary>
/// <remarks>
/// A graceful stop drains: every client is told "closing" (see <see cref="GatewayProtocol"/>) and sends new calls to
/// other gateways; new connections are refused; the gateway waits, up to <see cref="GatewayOptions.DrainTimeout"/>, until
/// the calls in flight through it have completed and their clients have closed the connections (a client closes once
/// its calls here have answered, which also proves the last responses were delivered), then closes what is left.
/// A client connection that is lost takes its calls in flight with it: their outcomes have nobody to go to.
/// </remarks>
internal sealed partial class ClientGateway : ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private readonly ILocalSiloDetails _local;
    private readonly CallbackRegistry _callbacks;
    private readonly MessageRouter _router;
    private readonly GrainInterfaceRegistry _interfaces;
    private readonly GrainClassRegistry _classes;
    private readonly IClusterMembershipService _membership;
    private readonly ISerializer _serializer;
    private readonly TimeProvider _time;
    private readonly TimeSpan _defaultTimeout;
    private readonly TimeSpan _drainTimeout;
    private readonly FramedConnectionOptions _connectionOptions;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<ClientGateway> _logger;
    private readonly ConnectionPreamble _preamble;
    private readonly ConcurrentDictionary<FramedConnection, GatewayClient> _clients = new();
    private readonly Action<GatewayCallCompletion> _onCallEnded;
    private readonly Lock _gate = new();
    private FramedConnectionListener? _listener;
    private byte[]? _manifest;
    private volatile bool _closing;
    private int _inFlight;
    private TaskCompletionSource? _drained;
    private TaskCompletionSource? _disconnected;

    public ClientGateway(
        ILocalSiloDetails local,
        CallbackRegistry callbacks,
        MessageRouter router,
        GrainInterfaceRegistry interfaces,
        GrainClassRegistry classes,
        IClusterMembershipService membership,
        ISerializer serializer,
        TimeProvider time,
        IOptions<MessagingOptions> messaging,
        IOptions<GatewayOptions> options,
        ILoggerFactory loggerFactory)
    {
        _local = local;
        _callbacks = callbacks;
        _router = router;
        _interfaces = interfaces;
        _classes = classes;
        _membership = membership;
        _serializer = serializer;
        _time = time;
        _defaultTimeout = messaging.Value.ResponseTimeout;
        _drainTimeout = options.Value.DrainTimeout;
        _connectionOptions = new FramedConnectionOptions { SendQueueCapacity = messaging.Value.SendQueueCapacity };
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<ClientGateway>();
        _preamble = new ConnectionPreamble(ConnectionRole.Silo, local.ClusterId, local.SiloAddress, null);
        _onCallEnded = OnCallEnded;
    }

    /// <summary>Where the gateway listens; null before it starts.</summary>
    public IPEndPoint? EndPoint => _listener?.LocalEndPoint;

    /// <summary>The clients connected now.</summary>
    public int ClientCount => _clients.Count;

    /// <summary>The calls in flight through the gateway now.</summary>
    public int InFlightCount => Volatile.Read(ref _inFlight);

    private SiloAddress Me => _local.SiloAddress;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClientGateway), SiloLifecycleStage.Active, StartAsync, StopAsync);

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        FramedConnectionListener? listener;
        lock (_gate)
        {
            listener = _listener;
        }

        if (listener is not null)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoint = new IPEndPoint(Me.Endpoint.Address, _local.GatewayPort);
        var listener = new FramedConnectionListener(
            endpoint,
            _preamble,
            ValidateClient,
            _ => OnMessage,
            OnAccepted,
            onUndelivered: null,
            _connectionOptions,
            _loggerFactory.CreateLogger<FramedConnectionListener>());
        try
        {
            listener.Start();
        }
        catch (SocketException ex)
        {
            _ = listener.DisposeAsync().AsTask();
            throw new InvalidOperationException($"The client gateway cannot listen on {endpoint} (Actors:Silo:GatewayPort): {ex.Message}", ex);
        }

        lock (_gate)
        {
            _listener = listener;
        }

        Log.Started(_logger, listener.LocalEndPoint, Me);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _drained, drained);
        Volatile.Write(ref _disconnected, disconnected);

        // From here new connections are refused, and clients accepted from now on are told at once (see OnAccepted).
        _closing = true;
        foreach (var client in _clients.Values)
        {
            TellClosing(client);
        }

        Log.Draining(_logger, _clients.Count, InFlightCount, _drainTimeout);
        if (InFlightCount == 0)
        {
            drained.TrySetResult();
        }

        if (_clients.IsEmpty)
        {
            disconnected.TrySetResult();
        }

        try
        {
            await Task.WhenAll(drained.Task, disconnected.Task).WaitAsync(_drainTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            Log.DrainIncomplete(_logger, InFlightCount, _clients.Count, _drainTimeout);
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    private string? ValidateClient(ConnectionPreamble remote) =>
        remote.Role != ConnectionRole.Client
            ? $"This is the client gateway of silo {Me}; silos connect to its silo port {Me.Endpoint.Port}."
        : !string.Equals(remote.ClusterId, _local.ClusterId, StringComparison.Ordinal)
            ? $"This gateway belongs to cluster '{_local.ClusterId}', not '{remote.ClusterId}'."
        : _closing
            ? $"The gateway of silo {Me} is shutting down; connect to another gateway."
        : null;

    private void OnAccepted(FramedConnection connection)
    {
        var client = new GatewayClient(connection);
        _clients[connection] = client;
        Log.ClientConnected(_logger, client.ClientId, connection.RemoteEndPoint);
        _ = WatchAsync(client);

        // A client that passed the handshake while the stop began may have been missed by the "closing" broadcast.
        if (_closing)
        {
            TellClosing(client);
        }
    }

    private async Task WatchAsync(GatewayClient client)
    {
        await client.Connection.Completion.ConfigureAwait(false);
        _clients.TryRemove(client.Connection, out _);
        var dropped = client.DropInFlight();
        Log.ClientDisconnected(_logger, client.ClientId, client.Connection.RemoteEndPoint, client.Connection.CloseReason?.Message, dropped);
        if (_closing && _clients.IsEmpty)
        {
            Volatile.Read(ref _disconnected)?.TrySetResult();
        }
    }

    private void TellClosing(GatewayClient client) =>
        client.Send(new WireMessage { Kind = WireMessageKind.SystemRequest, InterfaceName = GatewayOperations.Closing, SendingSilo = Me });

    private void OnCallStarted(GatewayCallCompletion call)
    {
        Interlocked.Increment(ref _inFlight);
        call.Client.Track(call);
    }

    private void OnCallEnded(GatewayCallCompletion call)
    {
        call.Client.Untrack(call);
        if (Interlocked.Decrement(ref _inFlight) == 0 && _closing)
        {
            Volatile.Read(ref _drained)?.TrySetResult();
        }
    }
}
