using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Transport;

/// <summary>
/// A lasting link to one endpoint (a silo, or a gateway for a client) over successive <see cref="FramedConnection"/>s:
/// it connects when there is something to send, and reconnects with exponential back-off (see
/// <see cref="OutboundConnectionOptions"/>) when a connection is lost.
/// </summary>
/// <remarks>
/// <para>
/// Messages wait in one bounded queue that outlives the connections (<see cref="FramedConnectionOptions.SendQueueCapacity"/>):
/// sent while disconnected, they go out in order once connected; when the queue is full <see cref="SendAsync"/> waits.
/// When a connection fails, what it had not taken from the queue stays for the next one; the batch it was flushing is
/// handed to <c>onUndelivered</c> (the peer may or may not have it; messages are not sent twice).
/// </para>
/// <para>
/// A handshake refusal (by the listener, or by <c>validateRemote</c>, for example because another generation of the
/// silo now answers on the endpoint) is permanent: the outbound connection abandons itself. So does
/// <see cref="Abandon"/>, which the owner calls when the peer is known to be gone. Abandoned, it stops reconnecting,
/// hands every queued message to <c>onUndelivered</c> with the reason, and refuses further sends.
/// </para>
/// </remarks>
public sealed partial class OutboundConnection : IAsyncDisposable
{
    private readonly ConnectionPreamble _local;
    private readonly Func<ConnectionPreamble, string?> _validateRemote;
    private readonly Action<FramedConnection, WireMessage> _onMessage;
    private readonly Action<WireMessage, Exception>? _onUndelivered;
    private readonly FramedConnectionOptions _options;
    private readonly OutboundConnectionOptions _retry;
    private readonly ILogger _logger;
    private readonly Channel<WireMessage> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FramedConnection? _current;
    private Exception? _abandonReason;

    /// <summary>Creates the outbound connection; it connects when the first message is queued.</summary>
    /// <param name="endpoint">The listener to connect to.</param>
    /// <param name="local">This end's preamble.</param>
    /// <param name="validateRemote">Checks the listener's preamble on each connection: null accepts, a string abandons with that reason.</param>
    /// <param name="onMessage">Called inline on the current connection's read loop for each received message, in order.</param>
    /// <param name="onUndelivered">Called with each queued message that will not be sent, and why.</param>
    /// <param name="options">Queue, frame and handshake limits.</param>
    /// <param name="reconnect">Back-off settings; defaults when null.</param>
    /// <param name="logger">Where connections to the endpoint log; none when null.</param>
    public OutboundConnection(
        IPEndPoint endpoint,
        ConnectionPreamble local,
        Func<ConnectionPreamble, string?> validateRemote,
        Action<FramedConnection, WireMessage> onMessage,
        Action<WireMessage, Exception>? onUndelivered,
        FramedConnectionOptions options,
        OutboundConnectionOptions? reconnect = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(validateRemote);
        ArgumentNullException.ThrowIfNull(onMessage);
        ArgumentNullException.ThrowIfNull(options);
        EndPoint = endpoint;
        _local = local;
        _validateRemote = validateRemote;
        _onMessage = onMessage;
        _onUndelivered = onUndelivered;
        _options = options;
        _retry = reconnect ?? new OutboundConnectionOptions();
        _logger = logger ?? NullLogger.Instance;
        _queue = FramedConnection.CreateQueue(options.SendQueueCapacity);
        _ = Task.Run(RunAsync);
    }

    /// <summary>Raised (on the connecting task) when a connection is established; queued messages may already be flowing on it.</summary>
    public event Action<FramedConnection>? Connected;

    /// <summary>Raised when an established connection is lost; its <see cref="FramedConnection.CloseReason"/> says why.</summary>
    public event Action<FramedConnection>? Disconnected;

    /// <summary>The endpoint this connects to.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>True while a connection is established and open.</summary>
    public bool IsConnected => Volatile.Read(ref _current) is { IsClosed: false };

    /// <summary>The current connection when one is established and open, else null.</summary>
    public FramedConnection? Connection => Volatile.Read(ref _current) is { IsClosed: false } current ? current : null;

    /// <summary>Why the connection was abandoned; null while it is in use.</summary>
    public Exception? AbandonReason => Volatile.Read(ref _abandonReason);

    /// <summary>Completes once abandoned (or disposed) and every queued message was handed over; never faults.</summary>
    public Task Completion => _completion.Task;

    /// <summary>
    /// Queues <paramref name="message"/>, connecting if needed; waits while the queue is full. Once this returns the
    /// message is either written to a connection or handed to <c>onUndelivered</c>.
    /// </summary>
    /// <exception cref="ConnectionClosedException">The connection was abandoned; the inner exception says why.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired while waiting for room.</exception>
    public ValueTask SendAsync(WireMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (AbandonReason is { } reason)
        {
            return ValueTask.FromException(AbandonedException(reason));
        }

        return _queue.Writer.TryWrite(message) ? ValueTask.CompletedTask : SendSlowAsync(message, cancellationToken);
    }

    /// <summary>Queues <paramref name="message"/> if there is room at once; false when the queue is full or the connection abandoned.</summary>
    public bool TrySend(WireMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return AbandonReason is null && _queue.Writer.TryWrite(message);
    }

    /// <summary>
    /// Gives up on the endpoint for good: stops reconnecting, closes the current connection, hands every queued
    /// message to <c>onUndelivered</c> with <paramref name="reason"/>; later sends throw. Idempotent (the first reason wins).
    /// </summary>
    public void Abandon(Exception reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (Interlocked.CompareExchange(ref _abandonReason, reason, null) is not null)
        {
            return;
        }

        Log.Abandoned(_logger, EndPoint, reason.Message);
        try
        {
            _stopping.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed already: the run loop is over, nothing is left to stop.
        }

        _queue.Writer.TryComplete();
        Volatile.Read(ref _current)?.Close(reason);
    }

    /// <summary>
    /// Takes no more messages, sends those already queued, then closes: a graceful end for a sender that stops.
    /// Whatever is still queued after <paramref name="timeout"/> goes to the undelivered callback.
    /// </summary>
    public async Task CloseGracefullyAsync(TimeSpan timeout)
    {
        _queue.Writer.TryComplete();
        try
        {
            await Completion.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Abandoned below.
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Abandons the connection (if still in use) and waits until queued messages were handed over.</summary>
    public async ValueTask DisposeAsync()
    {
        Abandon(new ConnectionClosedException($"The outbound connection to {EndPoint} was disposed."));
        await Completion.ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"outbound connection to {EndPoint}";

    private async ValueTask SendSlowAsync(WireMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw AbandonedException(AbandonReason ?? ex);
        }
    }

    private ConnectionClosedException AbandonedException(Exception reason) =>
        new($"The connection to {EndPoint} was abandoned: {reason.Message}", reason);

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        var failures = 0;
        try
        {
            // Connect on demand: only when something waits to be sent.
            while (await _queue.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                if (failures > 0)
                {
                    await Task.Delay(_retry.BackoffFor(failures, Random.Shared.NextDouble()), _retry.TimeProvider, token).ConfigureAwait(false);
                }

                FramedConnection connection;
                try
                {
                    connection = await FramedConnector.ConnectCoreAsync(
                        EndPoint, _local, _validateRemote, _onMessage, _onUndelivered, _options, _queue, _logger, token).ConfigureAwait(false);
                }
                catch (ConnectionRefusedException ex)
                {
                    Abandon(ex);
                    break;
                }
                catch (Exception ex) when (!token.IsCancellationRequested)
                {
                    failures++;
                    Log.ConnectFailed(_logger, EndPoint, failures, ex.Message);
                    continue;
                }

                var connectedAt = _retry.TimeProvider.GetTimestamp();
                await RunConnectionAsync(connection, token).ConfigureAwait(false);

                // A connection that drops soon after it was made counts as a failed attempt, so a peer that accepts
                // and closes at once is not hammered in a tight loop.
                failures = _retry.TimeProvider.GetElapsedTime(connectedAt) < _retry.MaxBackoff ? failures + 1 : 0;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Abandon(ex);
        }
        finally
        {
            var reason = AbandonReason ?? new ConnectionClosedException($"The outbound connection to {EndPoint} stopped.");
            while (_queue.Reader.TryRead(out var message))
            {
                Undelivered(message, reason);
            }

            _completion.TrySetResult();
        }
    }

    private async Task RunConnectionAsync(FramedConnection connection, CancellationToken token)
    {
        // Publish, then look at the token: Abandon cancels, then closes whatever it sees published (both fenced),
        // so one of the two sides always closes a connection that raced with abandonment.
        Interlocked.Exchange(ref _current, connection);
        if (token.IsCancellationRequested)
        {
            connection.Close(AbandonReason);
        }
        else
        {
            Log.Connected(_logger, EndPoint, connection.RemotePreamble);
            Raise(Connected, connection);
        }

        await connection.Completion.ConfigureAwait(false);
        Interlocked.CompareExchange(ref _current, null, connection);
        if (!token.IsCancellationRequested)
        {
            Log.Lost(_logger, EndPoint, connection.CloseReason?.Message);
        }

        Raise(Disconnected, connection);
    }

    private void Raise(Action<FramedConnection>? handler, FramedConnection connection)
    {
        try
        {
            handler?.Invoke(connection);
        }
        catch (Exception ex)
        {
            Log.EventHandlerFailed(_logger, EndPoint, ex);
        }
    }

    private void Undelivered(WireMessage message, Exception reason)
    {
        try
        {
            _onUndelivered?.Invoke(message, reason);
        }
        catch (Exception ex)
        {
            Log.UndeliveredHandlerFailed(_logger, message, ex);
        }
    }
}
