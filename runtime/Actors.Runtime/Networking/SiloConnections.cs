using System.Collections.Concurrent;
using System.Net;
using Actors.Runtime.Diagnostics;
using Actors.Runtime.Directory;
using Actors.Runtime.Hosting;
using Actors.Runtime.Membership;
using Actors.Runtime.Messaging;
using Actors.Runtime.Reminders;
using Actors.Serialization;
using Actors.Transport;
using Actors.Transport.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Runtime.Networking;

/// <summary>
/// The silo-to-silo network: a listener on this silo's endpoint and one outbound connection to each other silo
/// (reconnecting with back-off, bounded send queue). Requests and pings go out on the outbound connection;
/// responses go to the calling silo's outbound connection too, so a request forwarded through a third silo is
/// answered straight to its caller. When a silo is declared dead its connection is abandoned and every call
/// pending on it fails at once with <see cref="SiloUnavailableException"/>.
/// </summary>
internal sealed partial class SiloConnections :
    IRemoteMessageSender, ISiloProber, IMembershipGossip, IReminderChangeNotifier, IMembershipListener, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private const string MembershipChanged = "membership-changed";
    private const string RemindersChanged = "reminders-changed";

    // How long calls pending on a silo that left gracefully may still be answered (by the silos it forwarded them to).
    private static readonly TimeSpan GracefulLeaveGrace = TimeSpan.FromSeconds(5);

    // How long a stopping silo waits for its queued messages to be written.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(3);

    private readonly ILocalSiloDetails _local;
    private readonly WireConversion _conversion;
    private readonly CallbackRegistry _callbacks;
    private readonly MessageRouter _router;
    private readonly GrainLocator _locator;
    private readonly IClusterMembershipService _membership;
    private readonly TimeProvider _time;
    private readonly FramedConnectionOptions _connectionOptions;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<SiloConnections> _logger;
    private readonly IServiceProvider _services;
    private readonly ConcurrentDictionary<SiloAddress, OutboundConnection> _outbound = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<bool>> _probes = new();
    private readonly ConnectionPreamble _preamble;
    private FramedConnectionListener? _listener;
    private long _nextProbeId;
    private volatile bool _stopped;

    public SiloConnections(
        ILocalSiloDetails local,
        WireConversion conversion,
        CallbackRegistry callbacks,
        MessageRouter router,
        GrainLocator locator,
        IClusterMembershipService membership,
        TimeProvider time,
        IOptions<MessagingOptions> options,
        IServiceProvider services,
        ILoggerFactory loggerFactory)
    {
        _services = services;
        _local = local;
        _conversion = conversion;
        _callbacks = callbacks;
        _router = router;
        _locator = locator;
        _membership = membership;
        _time = time;
        _connectionOptions = new FramedConnectionOptions { SendQueueCapacity = options.Value.SendQueueCapacity };
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<SiloConnections>();
        _preamble = new ConnectionPreamble(ConnectionRole.Silo, local.ClusterId, local.SiloAddress, null);
    }

    public ISerializer Serializer => _conversion.Serializer;

    private SiloAddress Me => _local.SiloAddress;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe("SiloConnections", SiloLifecycleStage.RuntimeMessaging, StartAsync, StopAsync);

    public void SendRequest(SiloAddress target, Message message)
    {
        WireMessage? wire;
        try
        {
            wire = _conversion.ToWire(message, target);
        }
        catch (Exception ex)
        {
            FailRequest(message, new InvalidOperationException($"{message.Request} to {message.TargetGrain} could not be serialized: {ex.Message}", ex));
            return;
        }

        if (wire is null)
        {
            FailRequest(message, new TimeoutException($"The deadline of {message.Request} to {message.TargetGrain} passed before it was sent."));
            return;
        }

        // Only this silo's own calls are tracked here; a forwarded request's caller is another silo.
        if (!message.IsRemoteOrigin)
        {
            message.TargetSilo = target;
        }

        Send(target, wire);
    }

    /// <summary>Answers <paramref name="request"/> of <paramref name="caller"/> with <paramref name="error"/>.</summary>
    private void SendErrorResponse(SiloAddress caller, WireMessage request, Exception error) =>
        SendResponse(caller, new WireMessage
        {
            Kind = WireMessageKind.ErrorResponse,
            CorrelationId = request.CorrelationId,
            TargetGrain = request.SendingGrain,
            SendingGrain = request.TargetGrain,
            TargetSilo = caller,
            Body = GrainCallCodec.WriteError(error),
        });

    /// <summary>Sends a response to the silo that made the call.</summary>
    public void SendResponse(SiloAddress caller, WireMessage response)
    {
        response.SendingSilo = Me;
        Send(caller, response);
    }

    public void Announce(MembershipView view)
    {
        foreach (var entry in view.Entries)
        {
            if (entry.IsAlive && !entry.Silo.Equals(Me))
            {
                Send(entry.Silo, new WireMessage { Kind = WireMessageKind.SystemRequest, InterfaceName = MembershipChanged, SendingSilo = Me, TargetSilo = entry.Silo });
            }
        }
    }

    public void NotifyRemindersChanged(SiloAddress owner, GrainId grainId) =>
        Send(owner, new WireMessage { Kind = WireMessageKind.SystemRequest, InterfaceName = RemindersChanged, TargetGrain = grainId, SendingSilo = Me, TargetSilo = owner });

    public Task<bool> ProbeAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken) =>
        AwaitProbeAsync(target, new WireMessage { Kind = WireMessageKind.Ping, SendingSilo = Me, TargetSilo = target }, timeout, cancellationToken);

    // The intermediary waits up to the timeout for the target; allow for its own round trip too.
    public Task<bool> ProbeIndirectlyAsync(SiloAddress intermediary, SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken) =>
        AwaitProbeAsync(
            intermediary,
            new WireMessage { Kind = WireMessageKind.IndirectPing, SendingSilo = Me, TargetSilo = target, TimeoutMilliseconds = (int)timeout.TotalMilliseconds },
            timeout * 2,
            cancellationToken);

    public void OnMembershipChanged(MembershipView previous, MembershipView current)
    {
        foreach (var entry in current.Entries)
        {
            if (entry.IsAlive || previous.Find(entry.Silo) is { IsAlive: false } || entry.Silo.Equals(Me))
            {
                continue;
            }

            var dead = entry.Silo;
            var error = new SiloUnavailableException($"Silo {dead} is dead (membership v{current.Version}); the call may not have run.");
            if (_outbound.TryRemove(dead, out var connection))
            {
                connection.Abandon(error);
                _ = connection.DisposeAsync().AsTask();
            }

            // A silo that left gracefully answered or forwarded what it received (forwarded calls are answered by
            // their new silo), so only calls still waiting after a grace period fail; a crashed silo's fail now. A
            // graceful leave is the silo's own write: no votes against it and a fresh heartbeat.
            var leftGracefully = previous.Find(dead)?.Status == SiloStatus.ShuttingDown
                || (entry.Suspicions.Count == 0 && _time.GetUtcNow() - entry.IAmAliveTime < GracefulLeaveGrace);
            if (leftGracefully)
            {
                _ = FailPendingLaterAsync(dead, current.Version);
            }
            else
            {
                FailPending(dead, current.Version);
            }
        }
    }

    private void FailPending(SiloAddress dead, long version)
    {
        var failed = 0;
        _callbacks.FailWhere(
            c => dead.Equals(c.Request.TargetSilo) && Interlocked.Increment(ref failed) > 0,
            c => new SiloUnavailableException($"Silo {dead} hosting {c.Request.TargetGrain} is dead (membership v{version}); {c.Request.Request} may not have run."));
        if (failed > 0)
        {
            Log.CallsFailed(_logger, failed, dead);
        }
    }

    private async Task FailPendingLaterAsync(SiloAddress dead, long version)
    {
        await Task.Delay(GracefulLeaveGrace, _time).ConfigureAwait(false);
        FailPending(dead, version);
    }

    public async ValueTask DisposeAsync()
    {
        _stopped = true;
        if (_listener is not null)
        {
            await _listener.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var connection in _outbound.Values)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _outbound.Clear();
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoint = new IPEndPoint(Me.Endpoint.Address, Me.Endpoint.Port);
        var listener = new FramedConnectionListener(
            endpoint,
            _preamble,
            ValidateIncoming,
            _ => OnMessage,
            static _ => { },
            null,
            _connectionOptions,
            _loggerFactory.CreateLogger<FramedConnectionListener>());
        listener.Start();
        _listener = listener;
        return Task.CompletedTask;
    }

    /// <summary>Sends what is still queued (responses to the last calls this silo answered), then closes everything.</summary>
    private async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopped = true;
        await Task.WhenAll(_outbound.Values.Select(c => c.CloseGracefullyAsync(DrainTimeout))).ConfigureAwait(false);
        await DisposeAsync().ConfigureAwait(false);
    }

    private string? ValidateIncoming(ConnectionPreamble remote) =>
        remote.Role != ConnectionRole.Silo ? "This is a silo endpoint; clients connect to the gateway port."
        : !string.Equals(remote.ClusterId, _local.ClusterId, StringComparison.Ordinal) ? $"This silo belongs to cluster '{_local.ClusterId}', not '{remote.ClusterId}'."
        : null;

    private void Send(SiloAddress target, WireMessage wire)
    {
        if (_stopped)
        {
            OnUndelivered(wire, new SiloUnavailableException($"Silo {Me} has stopped its network."));
            return;
        }

        if (!_membership.CurrentView.IsAliveOrUnknown(target))
        {
            // Never open a connection to a dead silo: it would retry for ever.
            OnUndelivered(wire, new SiloUnavailableException($"Silo {target} is dead."));
            return;
        }

        var connection = _outbound.GetOrAdd(target, CreateOutbound);
        var sending = connection.SendAsync(wire);
        if (!sending.IsCompletedSuccessfully)
        {
            _ = AwaitSendAsync(sending, wire);
        }
    }

    /// <summary>Sends a ping (direct or indirect) to <paramref name="to"/> and waits for its answer: false when none comes in time.</summary>
    private async Task<bool> AwaitProbeAsync(SiloAddress to, WireMessage probe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextProbeId);
        var answered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _probes[id] = answered;
        try
        {
            probe.CorrelationId = id;
            Send(to, probe);
            return await answered.Task.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return false;
        }
        finally
        {
            _probes.TryRemove(id, out _);
        }
    }

    private async Task AwaitSendAsync(ValueTask sending, WireMessage wire)
    {
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            OnUndelivered(wire, ex as SiloUnavailableException ?? new SiloUnavailableException($"{wire} could not be sent to {wire.TargetSilo}: {ex.Message}", ex));
        }
    }

    private OutboundConnection CreateOutbound(SiloAddress target) =>
        new(
            target.Endpoint,
            _preamble,
            remote => remote.Role == ConnectionRole.Silo && target.Equals(remote.Silo)
                ? null
                : $"Endpoint {target.Endpoint} now hosts {remote}, not silo {target}: that silo is gone.",
            OnMessage,
            OnUndelivered,
            _connectionOptions,
            reconnect: null,
            _loggerFactory.CreateLogger<OutboundConnection>());

    /// <summary>A message that could not be sent: the call it belongs to fails now instead of at its deadline.</summary>
    private void OnUndelivered(WireMessage wire, Exception reason)
    {
        var error = reason as SiloUnavailableException ?? new SiloUnavailableException($"Silo {wire.TargetSilo} is unreachable: {reason.Message}", reason);
        switch (wire.Kind)
        {
            case WireMessageKind.Request when Me.Equals(wire.SendingSilo):
                if (_callbacks.TryGet(wire.CorrelationId, out var completion))
                {
                    // Never written to the network, so it did not run: route it again rather than fail it.
                    _router.RetryUndelivered(completion.Request, wire.TargetSilo!, error);
                }

                break;
            case WireMessageKind.Request when wire.SendingSilo is { } caller:
                SendErrorResponse(caller, wire, error);
                break;
            case WireMessageKind.Ping or WireMessageKind.IndirectPing:
                if (_probes.TryGetValue(wire.CorrelationId, out var probe))
                {
                    probe.TrySetResult(false);
                }

                break;
        }
    }

    /// <summary>Every message received, on any connection; runs on the connection's read loop, so it only hands work on.</summary>
    private void OnMessage(FramedConnection connection, WireMessage wire)
    {
        switch (wire.Kind)
        {
            case WireMessageKind.Request or WireMessageKind.OneWayRequest:
                OnRequest(wire);
                break;
            case WireMessageKind.Response or WireMessageKind.ErrorResponse:
                OnResponse(wire);
                break;
            case WireMessageKind.Ping:
                connection.TrySend(new WireMessage { Kind = WireMessageKind.Pong, CorrelationId = wire.CorrelationId, SendingSilo = Me, TargetSilo = wire.SendingSilo });
                break;
            case WireMessageKind.Pong:
                if (_probes.TryGetValue(wire.CorrelationId, out var probe))
                {
                    probe.TrySetResult(true);
                }

                break;
            case WireMessageKind.IndirectPing:
                _ = ProbeForAsync(connection, wire);
                break;
            case WireMessageKind.SystemRequest when wire.InterfaceName == MembershipChanged:
                _services.GetRequiredService<MembershipAgent>().OnGossip();
                break;
            case WireMessageKind.SystemRequest when wire.InterfaceName == RemindersChanged:
                _ = ReconcileRemindersAsync(wire.TargetGrain);
                break;
            case WireMessageKind.IndirectPingResult:
                if (_probes.TryGetValue(wire.CorrelationId, out var indirect))
                {
                    indirect.TrySetResult(wire.Body.Length == 1 && wire.Body.Span[0] == 1);
                }

                break;
            default:
                Log.Malformed(_logger, wire.ToString(), connection.RemoteEndPoint.ToString());
                break;
        }
    }

    private void OnRequest(WireMessage wire)
    {
        Message message;
        try
        {
            message = _conversion.FromWire(wire);
        }
        catch (Exception ex)
        {
            if (wire.Kind == WireMessageKind.Request && wire.SendingSilo is { } caller)
            {
                SendErrorResponse(caller, wire, ex);
            }
            else
            {
                Log.Malformed(_logger, wire.ToString(), ex.Message);
            }

            return;
        }

        if (message.Kind == MessageKind.Request)
        {
            message.ResponseSink = new RemoteResponseSink(this, message);
        }

        _router.ReceiveRemote(message);
    }

    private void OnResponse(WireMessage wire)
    {
        if (wire.CacheInvalidations is { } stale)
        {
            foreach (var address in stale)
            {
                _locator.InvalidateIfAt(address.GrainId, address.Silo);
            }
        }

        if (!_callbacks.TryGet(wire.CorrelationId, out var completion))
        {
            return; // The caller stopped waiting (deadline, cancellation, the silo's death).
        }

        if (wire.Kind == WireMessageKind.Response)
        {
            completion.CompleteSerialized(wire.Body, _conversion.Serializer);
        }
        else
        {
            completion.Fail(GrainCallCodec.ReadError(wire.Body));
        }
    }

    private async Task ProbeForAsync(FramedConnection connection, WireMessage wire)
    {
        var reachable = wire.TargetSilo is { } target
            && await ProbeAsync(target, TimeSpan.FromMilliseconds(Math.Clamp(wire.TimeoutMilliseconds, 1, 60_000)), CancellationToken.None).ConfigureAwait(false);
        connection.TrySend(new WireMessage
        {
            Kind = WireMessageKind.IndirectPingResult,
            CorrelationId = wire.CorrelationId,
            SendingSilo = Me,
            TargetSilo = wire.SendingSilo,
            Body = new[] { reachable ? (byte)1 : (byte)0 },
        });
    }

    private async Task ReconcileRemindersAsync(GrainId grainId)
    {
        try
        {
            await _services.GetRequiredService<LocalReminderService>().ReconcileGrainAsync(grainId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.Malformed(_logger, $"reminder change of {grainId}", ex.Message);
        }
    }

    private void FailRequest(Message message, Exception error)
    {
        if (message.ResponseSink is { } sink)
        {
            sink.Fail(error);
        }
        else
        {
            Log.Malformed(_logger, message.ToString(), error.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.CallsFailedOnDeadSilo, LogLevel.Warning, "Failed {Count} calls pending on dead silo {Silo}")]
        public static partial void CallsFailed(ILogger logger, int count, SiloAddress silo);

        [LoggerMessage(RuntimeEventIds.RemoteMessageMalformed, LogLevel.Warning, "Dropped {Message}: {Reason}")]
        public static partial void Malformed(ILogger logger, string message, string reason);
    }
}
