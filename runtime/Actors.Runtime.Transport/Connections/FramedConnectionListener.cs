using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Transport;

/// <summary>
/// Accepts connections on a TCP endpoint: reads each peer's preamble, validates it, answers with this end's preamble
/// (or with a refusal and the reason, then closes), and hands each established <see cref="FramedConnection"/> to the
/// owner. A bad handshake (garbage, wrong version, silence past the timeout, a throwing callback) costs only its own
/// socket, never the listener.
/// </summary>
public sealed partial class FramedConnectionListener : IAsyncDisposable
{
    private readonly IPEndPoint _endpoint;
    private readonly ConnectionPreamble _local;
    private readonly Func<ConnectionPreamble, string?> _validateRemote;
    private readonly Func<ConnectionPreamble, Action<FramedConnection, WireMessage>> _messageHandlerFactory;
    private readonly Action<FramedConnection> _onAccepted;
    private readonly Action<WireMessage, Exception>? _onUndelivered;
    private readonly FramedConnectionOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<FramedConnection, byte> _connections = new();
    private readonly ConcurrentDictionary<Task, byte> _handshakes = new();
    private readonly Lock _gate = new();
    private Socket? _socket;
    private Task _acceptLoop = Task.CompletedTask;
    private IPEndPoint? _localEndPoint;
    private bool _disposed;

    /// <summary>Creates a listener; nothing is bound until <see cref="Start"/>.</summary>
    /// <param name="endpoint">Where to listen; port 0 picks a free port (see <see cref="LocalEndPoint"/>).</param>
    /// <param name="local">This end's preamble, sent to every accepted peer.</param>
    /// <param name="validateRemote">Checks a peer's preamble: null accepts it, a string is the refusal reason sent back.</param>
    /// <param name="messageHandlerFactory">
    /// Gives the message handler of a connection from its peer's preamble (silos and clients may be handled apart).
    /// The handler is called inline on the connection's read loop, one message at a time.
    /// </param>
    /// <param name="onAccepted">
    /// Receives each established connection before it starts reading, so the owner can register it first.
    /// </param>
    /// <param name="onUndelivered">Called with each accepted message not written when its connection closed.</param>
    /// <param name="options">Queue, frame and handshake limits.</param>
    /// <param name="logger">Where the listener and its connections log; none when null.</param>
    public FramedConnectionListener(
        IPEndPoint endpoint,
        ConnectionPreamble local,
        Func<ConnectionPreamble, string?> validateRemote,
        Func<ConnectionPreamble, Action<FramedConnection, WireMessage>> messageHandlerFactory,
        Action<FramedConnection> onAccepted,
        Action<WireMessage, Exception>? onUndelivered,
        FramedConnectionOptions options,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(validateRemote);
        ArgumentNullException.ThrowIfNull(messageHandlerFactory);
        ArgumentNullException.ThrowIfNull(onAccepted);
        ArgumentNullException.ThrowIfNull(options);
        _endpoint = endpoint;
        _local = local;
        _validateRemote = validateRemote;
        _messageHandlerFactory = messageHandlerFactory;
        _onAccepted = onAccepted;
        _onUndelivered = onUndelivered;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The bound endpoint (with the actual port when 0 was asked for).</summary>
    /// <exception cref="InvalidOperationException">The listener has not started.</exception>
    public IPEndPoint LocalEndPoint => _localEndPoint ?? throw new InvalidOperationException("The listener has not started.");

    /// <summary>A snapshot of the accepted connections that are still open.</summary>
    public IReadOnlyCollection<FramedConnection> Connections => [.. _connections.Keys.Where(static c => !c.IsClosed)];

    /// <summary>Binds the endpoint and starts accepting.</summary>
    /// <exception cref="SocketException">The endpoint cannot be bound (for example it is in use).</exception>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_socket is not null)
            {
                throw new InvalidOperationException("The listener has already started.");
            }

            var socket = new Socket(_endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                if (!OperatingSystem.IsWindows())
                {
                    // Rebinding right after a restart must not fail on connections of the old listener in TIME_WAIT.
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                }

                socket.Bind(_endpoint);
                socket.Listen(512);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            _socket = socket;
            _localEndPoint = (IPEndPoint)socket.LocalEndPoint!;
            _acceptLoop = Task.Run(AcceptLoopAsync);
        }

        Log.Listening(_logger, _localEndPoint, _local);
    }

    /// <summary>Stops accepting, abandons handshakes in progress and closes every accepted connection still open.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.WhenAll(_handshakes.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var closing = new List<Task>();
        foreach (var connection in _connections.Keys)
        {
            connection.Close(new ConnectionClosedException("The listener was stopped."));
            closing.Add(connection.Completion);
        }

        await Task.WhenAll(closing).ConfigureAwait(false);
        _stopping.Dispose();
        if (_localEndPoint is not null)
        {
            Log.Stopped(_logger, _localEndPoint);
        }
    }

    private async Task AcceptLoopAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await _socket!.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (Exception) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // For example out of file descriptors: pause so a persistent failure does not spin, then go on.
                Log.AcceptFailed(_logger, LocalEndPoint, ex);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            var handshake = HandshakeAsync(accepted, token);
            _handshakes.TryAdd(handshake, 0);
            _ = handshake.ContinueWith(
                static (done, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(done, out _),
                _handshakes,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private async Task HandshakeAsync(Socket socket, CancellationToken stopping)
    {
        // Leave the accept loop at once: the handshake runs on its own.
        await Task.Yield();
        SocketPipe pipe;
        try
        {
            pipe = new SocketPipe(socket);
        }
        catch (Exception ex)
        {
            // The peer is already gone (no remote endpoint any more).
            Log.HandshakeFailed(_logger, null, ex);
            socket.Dispose();
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(_options.HandshakeTimeout);
        FramedConnection? connection = null;
        try
        {
            var remote = await ReadPreambleAsync(pipe, timeout.Token).ConfigureAwait(false);
            if (_validateRemote(remote) is { } refusal)
            {
                Log.Refused(_logger, remote, pipe.RemoteEndPoint, refusal);
                ConnectionPreambleCodec.WriteRefusal(refusal, pipe.Output);
                await pipe.Output.FlushAsync(timeout.Token).ConfigureAwait(false);
                await pipe.DisposeAsync(new ConnectionClosedException($"Refused during the handshake: {refusal}")).ConfigureAwait(false);
                return;
            }

            ConnectionPreambleCodec.Write(_local, pipe.Output);
            await pipe.Output.FlushAsync(timeout.Token).ConfigureAwait(false);
            connection = new FramedConnection(pipe, remote, _messageHandlerFactory(remote), _onUndelivered, _options, sharedQueue: null, _logger);
            Track(connection);
            Log.Accepted(_logger, remote, pipe.RemoteEndPoint);
            _onAccepted(connection);
            connection.Start();
        }
        catch (Exception ex)
        {
            Log.HandshakeFailed(_logger, pipe.RemoteEndPoint, ex);
            if (connection is null)
            {
                await pipe.DisposeAsync(ex).ConfigureAwait(false);
            }
            else
            {
                connection.Close(ex);
            }
        }
    }

    private static async Task<ConnectionPreamble> ReadPreambleAsync(SocketPipe pipe, CancellationToken cancellationToken)
    {
        try
        {
            var (preamble, refusal) = await Handshake.ReadAsync(pipe.Input, cancellationToken).ConfigureAwait(false);
            return preamble ?? throw new WireProtocolException($"A connecting peer sent a refusal instead of a preamble: {refusal}");
        }
        catch (WireProtocolException ex)
        {
            // Tell a peer speaking another version why (best effort: it may not be listening), then fail the handshake.
            try
            {
                ConnectionPreambleCodec.WriteRefusal(ex.Message, pipe.Output);
                await pipe.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The socket is already unusable; the handshake fails with the protocol error below either way.
            }

            throw;
        }
    }

    private void Track(FramedConnection connection)
    {
        _connections.TryAdd(connection, 0);
        _ = connection.Completion.ContinueWith(
            static (_, state) =>
            {
                var (connections, closed) = ((ConcurrentDictionary<FramedConnection, byte>, FramedConnection))state!;
                connections.TryRemove(closed, out var _);
            },
            (_connections, connection),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        bool disposed;
        lock (_gate)
        {
            disposed = _disposed;
        }

        if (disposed)
        {
            // DisposeAsync may already have closed the connections it saw: this one came too late to be seen.
            connection.Close(new ConnectionClosedException("The listener was stopped."));
        }
    }
}
