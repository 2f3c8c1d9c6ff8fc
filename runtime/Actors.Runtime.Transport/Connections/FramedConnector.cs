using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Transport;

/// <summary>
/// Opens connections: connects over TCP, sends this end's preamble, reads the listener's answer and checks it, all
/// within <see cref="FramedConnectionOptions.HandshakeTimeout"/>.
/// </summary>
public static class FramedConnector
{
    /// <summary>Connects to <paramref name="endpoint"/> and completes the handshake; see the overload with a logger.</summary>
    public static Task<FramedConnection> ConnectAsync(
        IPEndPoint endpoint,
        ConnectionPreamble local,
        Func<ConnectionPreamble, string?> validateRemote,
        Action<FramedConnection, WireMessage> onMessage,
        Action<WireMessage, Exception>? onUndelivered,
        FramedConnectionOptions options,
        CancellationToken cancellationToken) =>
        ConnectAsync(endpoint, local, validateRemote, onMessage, onUndelivered, options, NullLogger.Instance, cancellationToken);

    /// <summary>Connects to <paramref name="endpoint"/> and completes the handshake.</summary>
    /// <param name="endpoint">The listener's endpoint.</param>
    /// <param name="local">This end's preamble.</param>
    /// <param name="validateRemote">Checks the listener's preamble: null accepts it, a string is why it is rejected.</param>
    /// <param name="onMessage">Called inline on the connection's read loop for each received message, in order.</param>
    /// <param name="onUndelivered">Called with each accepted message that was not written when the connection closed.</param>
    /// <param name="options">Queue, frame and handshake limits.</param>
    /// <param name="logger">Where the connection logs.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The established connection, already reading and writing.</returns>
    /// <exception cref="ConnectionRefusedException">The listener refused this end, or <paramref name="validateRemote"/> rejected it.</exception>
    /// <exception cref="TimeoutException">The handshake did not complete within <see cref="FramedConnectionOptions.HandshakeTimeout"/>.</exception>
    /// <exception cref="SocketException">Nothing accepted the TCP connection (or it broke).</exception>
    /// <exception cref="WireProtocolException">The listener's answer is not a valid handshake.</exception>
    public static Task<FramedConnection> ConnectAsync(
        IPEndPoint endpoint,
        ConnectionPreamble local,
        Func<ConnectionPreamble, string?> validateRemote,
        Action<FramedConnection, WireMessage> onMessage,
        Action<WireMessage, Exception>? onUndelivered,
        FramedConnectionOptions options,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(validateRemote);
        ArgumentNullException.ThrowIfNull(onMessage);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        return ConnectCoreAsync(endpoint, local, validateRemote, onMessage, onUndelivered, options, sharedQueue: null, logger, cancellationToken);
    }

    internal static async Task<FramedConnection> ConnectCoreAsync(
        IPEndPoint endpoint,
        ConnectionPreamble local,
        Func<ConnectionPreamble, string?> validateRemote,
        Action<FramedConnection, WireMessage> onMessage,
        Action<WireMessage, Exception>? onUndelivered,
        FramedConnectionOptions options,
        Channel<WireMessage>? sharedQueue,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        handshake.CancelAfter(options.HandshakeTimeout);
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        SocketPipe? pipe = null;
        try
        {
            await socket.ConnectAsync(endpoint, handshake.Token).ConfigureAwait(false);
            pipe = new SocketPipe(socket);
            ConnectionPreambleCodec.Write(local, pipe.Output);
            await pipe.Output.FlushAsync(handshake.Token).ConfigureAwait(false);
            var (remote, refusal) = await Handshake.ReadAsync(pipe.Input, handshake.Token).ConfigureAwait(false);
            if (refusal is not null)
            {
                throw new ConnectionRefusedException(endpoint, refusal, refusedByRemote: true);
            }

            if (validateRemote(remote!) is { } rejection)
            {
                throw new ConnectionRefusedException(endpoint, rejection, refusedByRemote: false);
            }

            var connection = new FramedConnection(pipe, remote!, onMessage, onUndelivered, options, sharedQueue, logger);
            connection.Start();
            return connection;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            await AbortAsync(socket, pipe, ex).ConfigureAwait(false);
            throw new TimeoutException($"The handshake with {endpoint} did not complete within {options.HandshakeTimeout}.", ex);
        }
        catch (Exception ex)
        {
            await AbortAsync(socket, pipe, ex).ConfigureAwait(false);
            throw;
        }
    }

    private static async ValueTask AbortAsync(Socket socket, SocketPipe? pipe, Exception reason)
    {
        if (pipe is null)
        {
            socket.Dispose();
            return;
        }

        await pipe.DisposeAsync(reason).ConfigureAwait(false);
    }
}
