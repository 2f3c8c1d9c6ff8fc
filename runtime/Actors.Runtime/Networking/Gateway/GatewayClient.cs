using System.Collections.Concurrent;
using Actors.Transport;

namespace Actors.Runtime.Networking.Gateway;

/// <summary>One cluster client connected to this gateway: its connection and the calls it has in flight here.</summary>
internal sealed class GatewayClient(FramedConnection connection)
{
    private readonly ConcurrentDictionary<GatewayCallCompletion, byte> _inFlight = new();

    public FramedConnection Connection { get; } = connection;

    public string ClientId => Connection.RemotePreamble.ClientId ?? "(anonymous)";

    public int InFlightCount => _inFlight.Count;

    public void Track(GatewayCallCompletion call) => _inFlight.TryAdd(call, 0);

    public void Untrack(GatewayCallCompletion call) => _inFlight.TryRemove(call, out _);

    /// <summary>
    /// Queues <paramref name="message"/> to the client. A full send queue is waited on in the background (the caller
    /// may be an activation's turn); a closed connection drops the message: the client has failed its calls itself.
    /// </summary>
    public void Send(WireMessage message)
    {
        if (Connection.IsClosed || Connection.TrySend(message))
        {
            return;
        }

        _ = SendSlowAsync(message);
    }

    /// <summary>Forgets the calls in flight (the connection is gone, nobody is left to answer); returns how many.</summary>
    public int DropInFlight()
    {
        var dropped = 0;
        foreach (var call in _inFlight.Keys)
        {
            if (call.Drop())
            {
                dropped++;
            }
        }

        return dropped;
    }

    public override string ToString() => $"client {ClientId} at {Connection.RemoteEndPoint}";

    private async Task SendSlowAsync(WireMessage message)
    {
        try
        {
            await Connection.SendAsync(message).ConfigureAwait(false);
        }
        catch (ConnectionClosedException)
        {
            // The client is gone and has failed its calls on this connection itself.
        }
    }
}
