using System.Net;
using Actors.Client.Messaging;
using Actors.Transport;
using Actors.Transport.Serialization;

namespace Actors.Client.Connections;

/// <summary>Opening, watching and re-establishing gateway connections, and what arrives on them.</summary>
internal sealed partial class GatewayManager
{
    private async Task<GatewayConnection> OpenAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var connection = new GatewayConnection(endpoint);
        var framed = await FramedConnector.ConnectAsync(
            endpoint,
            _preamble,
            ValidateGateway,
            (framedConnection, message) => OnMessage(connection, framedConnection, message),
            OnUndelivered,
            _connectionOptions,
            _transportLogger,
            cancellationToken).ConfigureAwait(false);
        connection.Attach(framed);
        _connections[connection] = 0;
        _ = WatchAsync(connection);
        if (_disposed)
        {
            connection.Close("The cluster client was disposed.");
        }

        return connection;
    }

    private string? ValidateGateway(ConnectionPreamble remote) =>
        remote.Role != ConnectionRole.Silo ? $"The endpoint is not a silo gateway (it is a {remote.Role})."
        : !string.Equals(remote.ClusterId, _clusterId, StringComparison.Ordinal) ? $"The gateway belongs to cluster '{remote.ClusterId}', not '{_clusterId}'."
        : null;

    /// <summary>Runs when a connection has closed: fails its calls and, if it was the current one, finds another.</summary>
    private async Task WatchAsync(GatewayConnection connection)
    {
        await connection.Completion.ConfigureAwait(false);
        _connections.TryRemove(connection, out _);
        bool wasCurrent;
        lock (_gate)
        {
            wasCurrent = ReferenceEquals(_current, connection);
            if (wasCurrent)
            {
                _current = null;
            }
        }

        if (_disposed)
        {
            return;
        }

        var reason = connection.CloseReason?.Message ?? "closed";
        var failed = _calls.FailWhere(
            c => ReferenceEquals(c.Connection, connection),
            c => new SiloUnavailableException($"The connection to gateway {connection.EndPoint} was lost ({reason}); {c.Describe()} may or may not have run."));
        if (failed > 0)
        {
            Log.CallsFailed(_logger, failed, connection.EndPoint);
        }

        // A gateway that said "closing" was closed by us once drained: not a loss.
        if (!connection.IsClosing)
        {
            Avoid(connection.EndPoint);
            Log.ConnectionLost(_logger, connection.EndPoint, reason);
            Raise(new GatewayEvent(GatewayEventKind.Lost, connection.EndPoint));
        }

        if (wasCurrent)
        {
            RequestConnection();
        }
    }

    /// <summary>Every message from a gateway; runs on the connection's read loop, so it stays short.</summary>
    private void OnMessage(GatewayConnection connection, FramedConnection framed, WireMessage message)
    {
        switch (message.Kind)
        {
            case WireMessageKind.Response or WireMessageKind.SystemResponse:
                if (_calls.TryTake(message.CorrelationId, out var answered))
                {
                    answered.Complete(message.Body, _serializer);
                }

                break;
            case WireMessageKind.ErrorResponse or WireMessageKind.Rejection:
                if (_calls.TryTake(message.CorrelationId, out var failed))
                {
                    failed.Fail(GrainCallCodec.ReadError(message.Body));
                }

                break;
            case WireMessageKind.SystemRequest when message.InterfaceName == GatewayOperations.Closing:
                OnGatewayClosing(connection);
                break;
            case WireMessageKind.Ping:
                framed.TrySend(new WireMessage { Kind = WireMessageKind.Pong, CorrelationId = message.CorrelationId });
                break;
            default:
                Log.UnexpectedMessage(_logger, message.ToString(), connection.EndPoint);
                break;
        }
    }

    private void OnGatewayClosing(GatewayConnection connection)
    {
        // Stop using it first, so new calls wait for (or go to) the next gateway rather than to this one.
        bool wasCurrent;
        lock (_gate)
        {
            wasCurrent = ReferenceEquals(_current, connection);
            if (wasCurrent)
            {
                _current = null;
            }
        }

        Avoid(connection.EndPoint);
        if (!connection.MarkClosing())
        {
            return;
        }

        Log.GatewayClosing(_logger, connection.EndPoint, wasCurrent);
        Raise(new GatewayEvent(GatewayEventKind.Closing, connection.EndPoint));
        if (wasCurrent)
        {
            RequestConnection();
        }
    }

    /// <summary>A request accepted by a connection that closed before writing it (or a message too large to send).</summary>
    private void OnUndelivered(WireMessage message, Exception reason)
    {
        if (message.Kind is WireMessageKind.Request or WireMessageKind.SystemRequest && _calls.TryTake(message.CorrelationId, out var call))
        {
            call.Fail(reason is WireProtocolException
                ? new InvalidOperationException($"{call.Describe()} was not sent: {reason.Message}", reason)
                : new SiloUnavailableException($"The connection to the gateway closed while {call.Describe()} was being sent ({reason.Message}); it may or may not have run.", reason));
            return;
        }

        if (message.Kind == WireMessageKind.OneWayRequest)
        {
            Log.Undelivered(_logger, message.ToString(), reason.Message);
        }
    }

    /// <summary>Re-establishes a current connection whenever one is requested, trying known gateways with back-off.</summary>
    private async Task MaintainAsync()
    {
        var token = _stopping.Token;
        var rounds = 0;
        try
        {
            while (true)
            {
                await _connectSignal.WaitAsync(token).ConfigureAwait(false);
                Volatile.Write(ref _connectRequested, 0);
                if (Volatile.Read(ref _current) is { IsUsable: true })
                {
                    continue;
                }

                var connection = await ConnectAnyAsync(token).ConfigureAwait(false);
                if (connection is null)
                {
                    rounds++;
                    var backoff = Backoff(rounds);
                    Log.NoGatewayReachable(_logger, rounds, backoff);
                    await Task.Delay(backoff, _time, token).ConfigureAwait(false);
                    RequestConnection();
                    continue;
                }

                rounds = 0;
                Install(connection);

                // Learn the cluster again from the new gateway: the old list may name the silo that just left.
                _ = RefreshAsync(force: true);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (_disposed)
        {
        }
    }

    private async Task<GatewayConnection?> ConnectAnyAsync(CancellationToken cancellationToken)
    {
        foreach (var endpoint in Candidates())
        {
            try
            {
                return await OpenAsync(endpoint, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Log.ConnectFailed(_logger, endpoint, ex.Message);
                Avoid(endpoint);
            }
        }

        return null;
    }

    /// <summary>Known and configured gateways: the ones not avoided in random order, then the avoided ones.</summary>
    private List<IPEndPoint> Candidates()
    {
        var now = _time.GetTimestamp();
        var all = KnownGateways.Concat(_seeds).Distinct().ToList();
        var avoided = all.Where(e => _avoidUntil.TryGetValue(e, out var until) && now < until).ToList();
        return [.. Shuffled(all.Except(avoided)), .. avoided.OrderBy(e => _avoidUntil.GetValueOrDefault(e))];
    }

    private static TimeSpan Backoff(int rounds)
    {
        var nominal = InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(rounds - 1, 20));
        var jittered = Math.Min(nominal, MaxBackoff.TotalMilliseconds) * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return TimeSpan.FromMilliseconds(jittered);
    }

    private void OnRefreshTimer() => _ = RefreshAsync(force: false);

    private async Task RefreshAsync(bool force)
    {
        if (_disposed || (Interlocked.Exchange(ref _refreshing, 1) != 0 && !force))
        {
            return;
        }

        try
        {
            if (Volatile.Read(ref _current) is { IsUsable: true } current)
            {
                await RefreshFromAsync(current, _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!_disposed)
        {
            Log.RefreshFailed(_logger, ex.Message);
        }
        catch (Exception) when (_disposed)
        {
            // Disposed while refreshing: nothing to report.
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    /// <summary>Reads the gateway list and the grain manifest from <paramref name="connection"/>.</summary>
    private async Task RefreshFromAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        var gateways = SystemRequestAsync(connection, GatewayOperations.Gateways, cancellationToken);
        var manifest = SystemRequestAsync(connection, GatewayOperations.Manifest, cancellationToken);
        var gatewayList = GatewayProtocol.ReadGateways(await gateways.ConfigureAwait(false));
        _manifest.Merge(GatewayProtocol.ReadManifest(await manifest.ConfigureAwait(false)));
        if (gatewayList.Count > 0)
        {
            Volatile.Write(ref _known, gatewayList);
        }

        Log.Refreshed(_logger, connection.EndPoint, gatewayList.Count, _manifest.Classes.Count);
    }

    private async Task<ReadOnlyMemory<byte>> SystemRequestAsync(GatewayConnection connection, string operation, CancellationToken cancellationToken)
    {
        var deadline = _time.GetTimestamp() + (long)(_requestTimeout.TotalSeconds * _time.TimestampFrequency);
        var call = new PendingSystemCall(_calls.NextId(), deadline, _requestTimeout, operation, connection.EndPoint.ToString());
        _calls.Add(call);
        using var cancellation = cancellationToken.UnsafeRegister(
            static (state, ct) =>
            {
                var (call, calls) = ((PendingSystemCall, CallRegistry))state!;
                if (calls.TryTake(call))
                {
                    call.Fail(new OperationCanceledException($"{call.Describe()} was cancelled.", ct));
                }
            },
            (call, _calls));
        if (!connection.TryEnter())
        {
            if (_calls.TryTake(call))
            {
                call.Fail(new ConnectionClosedException($"The connection to gateway {connection.EndPoint} is closing or closed."));
            }
        }
        else
        {
            call.AttachConnection(connection);
            var message = new WireMessage
            {
                Kind = WireMessageKind.SystemRequest,
                CorrelationId = call.Id,
                InterfaceName = operation,
                TimeoutMilliseconds = (int)Math.Clamp(_requestTimeout.TotalMilliseconds, 1, int.MaxValue),
            };
            try
            {
                await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                if (_calls.TryTake(call))
                {
                    call.Fail(ex);
                }
            }
        }

        return await call.Task.ConfigureAwait(false);
    }
}
