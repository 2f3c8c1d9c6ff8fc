namespace Actors.Client.Connections;

/// <summary>Sending requests: through the current connection, or queued until the next one.</summary>
internal sealed partial class GatewayManager
{
    private enum SendResult
    {
        Sent,
        Dropped,
        Retry,
    }

    /// <summary>Sends a request through the current gateway, or queues it until one is connected. Never throws.</summary>
    public void Send(Outgoing outgoing)
    {
        // Fast path without the lock; a connection that closes under us sends the request round again.
        for (var attempt = 0; attempt < 3 && !_disposed; attempt++)
        {
            if (Volatile.Read(ref _current) is not { IsUsable: true } current)
            {
                break;
            }

            if (TrySendOn(current, outgoing) != SendResult.Retry)
            {
                return;
            }
        }

        Enqueue(outgoing);
    }

    private void Enqueue(Outgoing outgoing)
    {
        GatewayConnection? current;
        lock (_gate)
        {
            if (_disposed)
            {
                current = null;
            }
            else
            {
                current = _current;
                if (current is not { IsUsable: true })
                {
                    _waiting.Add(outgoing);
                    RequestConnection();
                    return;
                }
            }
        }

        if (current is null)
        {
            FailDisposed(outgoing);
            return;
        }

        // A connection was installed meanwhile: use it, or wait for the next one if it is already going.
        if (TrySendOn(current, outgoing) == SendResult.Retry)
        {
            lock (_gate)
            {
                _waiting.Add(outgoing);
            }

            RequestConnection();
        }
    }

    private SendResult TrySendOn(GatewayConnection connection, Outgoing outgoing)
    {
        var call = outgoing.Call;
        if (call is { IsCompleted: true })
        {
            return SendResult.Dropped;
        }

        if (!connection.TryEnter())
        {
            return SendResult.Retry;
        }

        var left = outgoing.DeadlineTimestamp - _time.GetTimestamp();
        if (left <= 0)
        {
            // The deadline sweep fails the call; a one-way request is simply not sent.
            connection.Exit();
            return SendResult.Dropped;
        }

        // The deadline travels as the time left, so the gateway's clock need not agree with ours.
        outgoing.Wire.TimeoutMilliseconds = (int)Math.Clamp(left * 1000 / _time.TimestampFrequency, 1, int.MaxValue);
        if (call is not null)
        {
            // The call now holds the use of the connection until it completes.
            call.AttachConnection(connection);
            if (call.IsCompleted)
            {
                return SendResult.Dropped;
            }
        }

        if (connection.TrySend(outgoing.Wire))
        {
            if (call is null)
            {
                connection.Exit();
            }

            return SendResult.Sent;
        }

        if (connection.IsClosed)
        {
            Release(connection, outgoing);
            return SendResult.Retry;
        }

        _ = SendSlowAsync(connection, outgoing);
        return SendResult.Sent;
    }

    private async Task SendSlowAsync(GatewayConnection connection, Outgoing outgoing)
    {
        try
        {
            // The connection's send queue is full: wait for room (back-pressure) off the caller's thread.
            await connection.SendAsync(outgoing.Wire, _stopping.Token).ConfigureAwait(false);
            if (outgoing.Call is null)
            {
                connection.Exit();
            }
        }
        catch (Transport.ConnectionClosedException)
        {
            // Not queued, so certainly not sent: it may go to the next gateway.
            Release(connection, outgoing);
            if (outgoing.Call is not { IsCompleted: true })
            {
                Send(outgoing);
            }
        }
        catch (OperationCanceledException)
        {
            Release(connection, outgoing);
        }
        catch (ObjectDisposedException)
        {
            Release(connection, outgoing);
        }
    }

    private static void Release(GatewayConnection connection, Outgoing outgoing)
    {
        if (outgoing.Call is { } call)
        {
            call.ReleaseConnection();
        }
        else
        {
            connection.Exit();
        }
    }

    private void FailDisposed(Outgoing outgoing)
    {
        if (outgoing.Call is { } call && _calls.TryTake(call))
        {
            call.Fail(new ObjectDisposedException(nameof(ClusterClient), $"The cluster client was disposed; {call.Describe()} was not sent."));
        }
    }
}
