using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Actors.Transport;

namespace Actors.Runtime.Transport.Tests.Support;

/// <summary>
/// A bare loopback socket the test drives by hand: it can speak the handshake, send any bytes, read frames only when
/// asked (so it can stop reading and let TCP buffers fill), and see the end of the stream.
/// </summary>
internal sealed class RawPeer : IDisposable
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _count;

    private RawPeer(Socket socket)
    {
        Socket = socket;
    }

    public Socket Socket { get; }

    /// <summary>Connects to <paramref name="endpoint"/>; a small receive buffer makes a non-reading peer fill up quickly.</summary>
    public static async Task<RawPeer> ConnectAsync(IPEndPoint endpoint, int? receiveBufferBytes = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (receiveBufferBytes is { } size)
        {
            socket.ReceiveBufferSize = size;
        }

        await socket.ConnectAsync(endpoint, Wait.Token).AsTask().WaitAsync(Wait.Limit, Wait.Token);
        return new RawPeer(socket);
    }

    /// <summary>Connects, sends <paramref name="preamble"/> and returns the listener's answer.</summary>
    public static async Task<(RawPeer Peer, ConnectionPreamble? Preamble, string? Refusal)> HandshakeAsync(
        IPEndPoint endpoint, ConnectionPreamble preamble, int? receiveBufferBytes = null)
    {
        var peer = await ConnectAsync(endpoint, receiveBufferBytes);
        await peer.SendAsync(Frames.Encode(preamble));
        var (answer, refusal) = await peer.ReadHandshakeAsync();
        return (peer, answer, refusal);
    }

    public async Task SendAsync(byte[] bytes) =>
        await Socket.SendAsync(bytes, SocketFlags.None, Wait.Token).AsTask().WaitAsync(Wait.Limit, Wait.Token);

    public async Task<(ConnectionPreamble? Preamble, string? Refusal)> ReadHandshakeAsync()
    {
        while (true)
        {
            var buffer = new ReadOnlySequence<byte>(_buffer, 0, _count);
            if (ConnectionPreambleCodec.TryRead(ref buffer, out var preamble, out var refusal))
            {
                Consume(buffer);
                return (preamble, refusal);
            }

            if (!await FillAsync())
            {
                throw new EndOfStreamException("The listener closed the connection before answering the handshake.");
            }
        }
    }

    /// <summary>The next frame, or null at the end of the stream (an incomplete trailing frame is dropped).</summary>
    public async Task<WireMessage?> ReadMessageAsync()
    {
        while (true)
        {
            var buffer = new ReadOnlySequence<byte>(_buffer, 0, _count);
            if (WireMessageCodec.TryRead(ref buffer, 16 * 1024 * 1024, out var message))
            {
                Consume(buffer);
                return message;
            }

            if (!await FillAsync())
            {
                return null;
            }
        }
    }

    /// <summary>True when the other end closed: reading returns end of stream (or a reset).</summary>
    public async Task<bool> SeesEndOfStreamAsync()
    {
        try
        {
            while (await FillAsync())
            {
                _count = 0;
            }
        }
        catch (SocketException)
        {
            // A reset is a close too.
        }

        return true;
    }

    public void Dispose() => Socket.Dispose();

    private async Task<bool> FillAsync()
    {
        if (_count == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = await Socket.ReceiveAsync(_buffer.AsMemory(_count), SocketFlags.None, Wait.Token).AsTask().WaitAsync(Wait.Limit, Wait.Token);
        _count += read;
        return read > 0;
    }

    private void Consume(ReadOnlySequence<byte> rest)
    {
        var remaining = (int)rest.Length;
        Buffer.BlockCopy(_buffer, _count - remaining, _buffer, 0, remaining);
        _count = remaining;
    }
}
