using System.Net;
using Actors.Transport;

namespace Actors.Client.Connections;

/// <summary>
/// One connection to a gateway, with what the client needs beyond the framed connection: whether the gateway said it
/// is closing, and how many calls use the connection, so a closing connection is closed by the client as soon as its
/// last call has answered (which the gateway waits for).
/// </summary>
/// <remarks>
/// A sender <see cref="TryEnter"/>s before it queues a message and holds the entry until the call completes;
/// <see cref="MarkClosing"/> and <see cref="TryEnter"/> each write their side, fence, then read the other's, so
/// either the sender sees "closing" and goes elsewhere, or the closing side sees the user and leaves the close to
/// the last <see cref="Exit"/>. A message queued on a closing connection is therefore always answered.
/// </remarks>
internal sealed class GatewayConnection(IPEndPoint endPoint)
{
    private FramedConnection? _connection;
    private int _users;
    private int _closing;

    public IPEndPoint EndPoint { get; } = endPoint;

    /// <summary>The framed connection; null until the handshake completed.</summary>
    public FramedConnection? Connection => Volatile.Read(ref _connection);

    /// <summary>True once the gateway said it is closing.</summary>
    public bool IsClosing => Volatile.Read(ref _closing) != 0;

    /// <summary>True once the connection is closed (or never opened).</summary>
    public bool IsClosed => Connection is not { IsClosed: false };

    /// <summary>True while new calls may use the connection.</summary>
    public bool IsUsable => !IsClosing && !IsClosed;

    /// <summary>Completes once the connection has closed.</summary>
    public Task Completion => Connection?.Completion ?? Task.CompletedTask;

    /// <summary>Why the connection closed; null while open.</summary>
    public Exception? CloseReason => Connection?.CloseReason;

    /// <summary>Sets the established connection (once).</summary>
    public void Attach(FramedConnection connection)
    {
        Volatile.Write(ref _connection, connection);
        Interlocked.MemoryBarrier();

        // "closing" may have arrived before the handshake returned.
        if (IsClosing && Volatile.Read(ref _users) == 0)
        {
            Close("The gateway is shutting down.");
        }
    }

    /// <summary>Takes a use of the connection; false (and nothing taken) when it is closing or closed.</summary>
    public bool TryEnter()
    {
        Interlocked.Increment(ref _users);
        if (IsUsable)
        {
            return true;
        }

        Exit();
        return false;
    }

    /// <summary>Gives a use back; the last one out of a closing connection closes it.</summary>
    public void Exit()
    {
        if (Interlocked.Decrement(ref _users) == 0 && IsClosing)
        {
            Close("The gateway is shutting down and every call on this connection has answered.");
        }
    }

    /// <summary>The gateway said it is closing: no new calls here; closes now if nothing uses the connection.</summary>
    /// <returns>False when it was already closing.</returns>
    public bool MarkClosing()
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return false;
        }

        if (Volatile.Read(ref _users) == 0)
        {
            Close("The gateway is shutting down.");
        }

        return true;
    }

    /// <summary>Queues <paramref name="message"/> if there is room at once.</summary>
    public bool TrySend(WireMessage message) => Connection?.TrySend(message) ?? false;

    /// <summary>Queues <paramref name="message"/>, waiting for room.</summary>
    public ValueTask SendAsync(WireMessage message, CancellationToken cancellationToken) =>
        Connection?.SendAsync(message, cancellationToken) ?? ValueTask.FromException(new ConnectionClosedException("The connection is not established."));

    /// <summary>Closes the connection (without sending what is queued).</summary>
    public void Close(string reason) => Connection?.Close(new ConnectionClosedException(reason));

    public override string ToString() => $"gateway {EndPoint}";
}
