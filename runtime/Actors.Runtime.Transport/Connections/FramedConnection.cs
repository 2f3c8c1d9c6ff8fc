using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Actors.Transport;

/// <summary>
/// An established connection that carries <see cref="WireMessage"/> frames both ways. Obtained from
/// <see cref="FramedConnector"/> or <see cref="FramedConnectionListener"/>, after both preambles were exchanged.
/// </summary>
/// <remarks>
/// <para>
/// Sending: messages wait in a bounded queue (<see cref="FramedConnectionOptions.SendQueueCapacity"/>) drained by one
/// write loop, which encodes every queued message (up to <see cref="FramedConnectionOptions.MaxBatchBytes"/>) and
/// flushes them to the socket together. A full queue makes <see cref="SendAsync"/> wait: back-pressure reaches the
/// sender instead of memory growing. Messages go out in the order they were queued.
/// </para>
/// <para>
/// Receiving: one read loop decodes frames and calls the message handler inline, one message at a time in arrival
/// order; the handler must be quick (hand work off) and must not block, or it stalls this connection. It may call
/// <see cref="TrySend"/> or <see cref="Close"/>, but must not wait for <see cref="DisposeAsync"/> or
/// <see cref="Completion"/> (they wait for the read loop, which is running the handler). A handler that throws is
/// logged; the connection carries on.
/// </para>
/// <para>
/// Closing (by <see cref="Close"/>, a protocol or socket error, or the peer): every message accepted but not written
/// to the socket is handed to <c>onUndelivered</c> with the close reason, so owners can fail their calls at once;
/// this includes the batch being flushed when the connection failed, which the peer may or may not have received.
/// Then <see cref="Completion"/> completes.
/// </para>
/// </remarks>
public sealed partial class FramedConnection : IAsyncDisposable
{
    private readonly SocketPipe _pipe;
    private readonly Channel<WireMessage> _queue;
    private readonly bool _ownsQueue;
    private readonly Action<FramedConnection, WireMessage> _onMessage;
    private readonly Action<WireMessage, Exception>? _onUndelivered;
    private readonly int _maxFrameBytes;
    private readonly int _maxBatchBytes;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<WireMessage> _unflushed = [];
    private readonly Lock _gate = new();
    private Exception? _closeReason;
    private Task _readLoop = Task.CompletedTask;
    private Task _writeLoop = Task.CompletedTask;

    // Wraps an established (handshaken) pipe; Start runs its loops. sharedQueue is the send queue of an
    // OutboundConnection that outlives this connection, or null for a queue of its own. A shared queue is neither
    // completed nor drained on close: what is left in it goes out on the next connection.
    internal FramedConnection(
        SocketPipe pipe,
        ConnectionPreamble remotePreamble,
        Action<FramedConnection, WireMessage> onMessage,
        Action<WireMessage, Exception>? onUndelivered,
        FramedConnectionOptions options,
        Channel<WireMessage>? sharedQueue,
        ILogger logger)
    {
        _pipe = pipe;
        RemotePreamble = remotePreamble;
        _onMessage = onMessage;
        _onUndelivered = onUndelivered;
        _maxFrameBytes = options.MaxFrameBytes;
        _maxBatchBytes = options.MaxBatchBytes;
        _logger = logger;
        _ownsQueue = sharedQueue is null;
        _queue = sharedQueue ?? CreateQueue(options.SendQueueCapacity);
    }

    /// <summary>What the other end said about itself in its preamble.</summary>
    public ConnectionPreamble RemotePreamble { get; }

    /// <summary>The other end's address.</summary>
    public IPEndPoint RemoteEndPoint => _pipe.RemoteEndPoint;

    /// <summary>This end's address.</summary>
    public IPEndPoint LocalEndPoint => _pipe.LocalEndPoint;

    /// <summary>Completes once the connection is closed and undelivered messages were handed over; never faults.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Why the connection closed; null while it is open.</summary>
    public Exception? CloseReason => Volatile.Read(ref _closeReason);

    /// <summary>True once the connection is closed (or closing).</summary>
    public bool IsClosed => CloseReason is not null;

    /// <summary>
    /// Queues <paramref name="message"/> for sending, waiting while the send queue is full. Once this returns the
    /// message is either written to the socket or, if the connection closes first, handed to <c>onUndelivered</c>.
    /// </summary>
    /// <exception cref="ConnectionClosedException">The connection is closed; the inner exception says why.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired while waiting for room.</exception>
    public ValueTask SendAsync(WireMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (CloseReason is { } reason)
        {
            return ValueTask.FromException(ClosedException(reason));
        }

        return _queue.Writer.TryWrite(message) ? ValueTask.CompletedTask : SendSlowAsync(message, cancellationToken);
    }

    /// <summary>Queues <paramref name="message"/> if there is room at once; false when the queue is full or the connection closed.</summary>
    public bool TrySend(WireMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return CloseReason is null && _queue.Writer.TryWrite(message);
    }

    /// <summary>Closes the connection now (without sending what is queued); idempotent. Returns before the close completes.</summary>
    /// <param name="reason">Why; null means a plain local close.</param>
    public void Close(Exception? reason)
    {
        lock (_gate)
        {
            if (_closeReason is not null)
            {
                return;
            }

            Volatile.Write(ref _closeReason, reason ?? new ConnectionClosedException("The connection was closed locally."));
        }

        if (_ownsQueue)
        {
            _queue.Writer.TryComplete();
        }

        _closing.Cancel();
        _pipe.Abort();
        _ = FinishCloseAsync();
    }

    /// <summary>Closes the connection and waits until undelivered messages were handed over.</summary>
    public async ValueTask DisposeAsync()
    {
        Close(null);
        await Completion.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"{RemotePreamble} at {RemoteEndPoint}";

    /// <summary>Starts the read and write loops; a connection closed before it starts stays closed.</summary>
    internal void Start()
    {
        lock (_gate)
        {
            if (_closeReason is not null)
            {
                return;
            }

            _readLoop = Task.Run(ReadLoopAsync);
            _writeLoop = Task.Run(WriteLoopAsync);
        }
    }

    /// <summary>A bounded queue: a full queue makes writers wait (back-pressure) rather than drop or grow.</summary>
    internal static Channel<WireMessage> CreateQueue(int capacity) =>
        Channel.CreateBounded<WireMessage>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });

    private async ValueTask SendSlowAsync(WireMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw ClosedException(CloseReason ?? ex);
        }
    }

    private ConnectionClosedException ClosedException(Exception reason) =>
        new($"The connection to {RemoteEndPoint} is closed: {reason.Message}", reason);

    private async Task ReadLoopAsync()
    {
        var input = _pipe.Input;
        var token = _closing.Token;
        Exception reason;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(token).ConfigureAwait(false);
                var buffer = result.Buffer;
                try
                {
                    while (!token.IsCancellationRequested && WireMessageCodec.TryRead(ref buffer, _maxFrameBytes, out var message))
                    {
                        Deliver(message);
                    }
                }
                finally
                {
                    // Everything left is an incomplete frame: consume what was parsed, and wait for more than was seen.
                    input.AdvanceTo(buffer.Start, buffer.End);
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    reason = buffer.IsEmpty
                        ? new ConnectionClosedException("The remote end closed the connection.")
                        : new WireProtocolException($"The remote end closed the connection in the middle of a frame ({buffer.Length} bytes received).");
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            reason = ex;
        }

        Close(reason);
    }

    private void Deliver(WireMessage message)
    {
        try
        {
            _onMessage(this, message);
        }
        catch (Exception ex)
        {
            // The handler's bug, not the connection's: the stream is intact, so keep reading.
            Log.MessageHandlerFailed(_logger, message, RemoteEndPoint, ex);
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var output = _pipe.Output;
        var token = _closing.Token;
        try
        {
            while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                // Encode all that is queued (up to a batch), then flush once: under load, one syscall carries many frames.
                while (!token.IsCancellationRequested && output.UnflushedBytes < _maxBatchBytes && reader.TryRead(out var message))
                {
                    Encode(message);
                }

                if (_unflushed.Count == 0)
                {
                    continue;
                }

                var flushed = await output.FlushAsync(token).ConfigureAwait(false);
                _unflushed.Clear();
                if (flushed.IsCompleted)
                {
                    break;
                }
            }

            Close(new ConnectionClosedException("The send queue was completed."));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Close(ex);
        }
    }

    private void Encode(WireMessage message)
    {
        bool written;
        long payloadBytes;
        try
        {
            written = WireMessageCodec.TryWrite(message, _pipe.Output, _maxFrameBytes, out payloadBytes);
        }
        catch (Exception ex)
        {
            // Encoding fails before anything is committed to the pipe, so the stream stays well-formed.
            Log.MessageNotSent(_logger, message, RemoteEndPoint, ex.Message, ex);
            Undelivered(message, ex);
            return;
        }

        if (written)
        {
            _unflushed.Add(message);
            return;
        }

        var tooLarge = new WireProtocolException(
            $"The message's payload of {payloadBytes} bytes exceeds the frame limit of {_maxFrameBytes} bytes; it was not sent.");
        Log.MessageNotSent(_logger, message, RemoteEndPoint, tooLarge.Message, null);
        Undelivered(message, tooLarge);
    }

    private async Task FinishCloseAsync()
    {
        var reason = CloseReason!;
        try
        {
            await _readLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await _writeLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await _pipe.DisposeAsync(reason).ConfigureAwait(false);
            if (reason is ConnectionClosedException)
            {
                Log.Closed(_logger, RemotePreamble, RemoteEndPoint, reason.Message);
            }
            else
            {
                Log.Failed(_logger, RemotePreamble, RemoteEndPoint, reason);
            }
        }
        catch (Exception ex)
        {
            Log.Failed(_logger, RemotePreamble, RemoteEndPoint, ex);
        }
        finally
        {
            // The loops are over: nothing else touches the batch or reads the queue any more.
            foreach (var message in _unflushed)
            {
                Undelivered(message, reason);
            }

            _unflushed.Clear();
            if (_ownsQueue)
            {
                while (_queue.Reader.TryRead(out var message))
                {
                    Undelivered(message, reason);
                }
            }

            _closing.Dispose();
            _completion.TrySetResult();
        }
    }

    private void Undelivered(WireMessage message, Exception reason)
    {
        if (_onUndelivered is null)
        {
            return;
        }

        try
        {
            _onUndelivered(message, reason);
        }
        catch (Exception ex)
        {
            Log.UndeliveredHandlerFailed(_logger, message, ex);
        }
    }
}
