using System.Net;
using System.Threading.Channels;
using Actors.Transport;

namespace Actors.Runtime.Transport.Tests.Support;

/// <summary>A started <see cref="FramedConnectionListener"/> on loopback that records what it accepts and receives.</summary>
internal sealed class RecordingListener : IAsyncDisposable
{
    private readonly Channel<WireMessage> _received = Channel.CreateUnbounded<WireMessage>();
    private readonly Channel<FramedConnection> _accepted = Channel.CreateUnbounded<FramedConnection>();

    private RecordingListener(
        IPEndPoint endpoint,
        ConnectionPreamble local,
        Func<ConnectionPreamble, string?> validateRemote,
        FramedConnectionOptions options,
        Action<FramedConnection, WireMessage>? onMessage,
        Action<FramedConnection>? onAccepted)
    {
        Listener = new FramedConnectionListener(
            endpoint,
            local,
            validateRemote,
            _ => (connection, message) =>
            {
                _received.Writer.TryWrite(message);
                onMessage?.Invoke(connection, message);
            },
            connection =>
            {
                _accepted.Writer.TryWrite(connection);
                onAccepted?.Invoke(connection);
            },
            (message, reason) => Undelivered.Writer.TryWrite((message, reason)),
            options);
        Listener.Start();
    }

    public FramedConnectionListener Listener { get; }

    public IPEndPoint EndPoint => Listener.LocalEndPoint;

    public Channel<(WireMessage Message, Exception Reason)> Undelivered { get; } = Channel.CreateUnbounded<(WireMessage, Exception)>();

    public static RecordingListener Start(
        ConnectionPreamble? local = null,
        Func<ConnectionPreamble, string?>? validateRemote = null,
        FramedConnectionOptions? options = null,
        Action<FramedConnection, WireMessage>? onMessage = null,
        Action<FramedConnection>? onAccepted = null,
        int port = 0) =>
        new(new IPEndPoint(IPAddress.Loopback, port), local ?? TestMessages.SiloPreamble(), validateRemote ?? TestMessages.SameCluster,
            options ?? new FramedConnectionOptions(), onMessage, onAccepted);

    public Task<WireMessage> ReceiveAsync() => Wait.ForAsync(_received.Reader.ReadAsync(Wait.Token), "a message at the listener");

    public Task<FramedConnection> AcceptedAsync() => Wait.ForAsync(_accepted.Reader.ReadAsync(Wait.Token), "an accepted connection");

    public ValueTask DisposeAsync() => Listener.DisposeAsync();
}
