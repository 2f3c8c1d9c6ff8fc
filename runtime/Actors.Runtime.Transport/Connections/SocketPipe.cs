using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace Actors.Transport;

/// <summary>
/// A connected TCP socket seen as a pipe pair: the handshake and then the <see cref="FramedConnection"/> read and write
/// through the same reader and writer, so bytes a peer sends right after its preamble are not lost between them.
/// </summary>
internal sealed class SocketPipe : IAsyncDisposable
{
    // Bigger buffers than the 4 KiB defaults: fewer syscalls and fewer segments per frame under load.
    private static readonly StreamPipeReaderOptions ReaderOptions = new(bufferSize: 64 * 1024, minimumReadSize: 4 * 1024, leaveOpen: true);
    private static readonly StreamPipeWriterOptions WriterOptions = new(minimumBufferSize: 64 * 1024, leaveOpen: true);

    private readonly NetworkStream _stream;

    public SocketPipe(Socket socket)
    {
        Socket = socket;

        // Frames are whole messages written in batches: Nagle's delay would only add latency to the last one.
        socket.NoDelay = true;
        RemoteEndPoint = (IPEndPoint)socket.RemoteEndPoint!;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _stream = new NetworkStream(socket, ownsSocket: true);
        Input = PipeReader.Create(_stream, ReaderOptions);
        Output = PipeWriter.Create(_stream, WriterOptions);
    }

    public Socket Socket { get; }

    public IPEndPoint RemoteEndPoint { get; }

    public IPEndPoint LocalEndPoint { get; }

    public PipeReader Input { get; }

    public PipeWriter Output { get; }

    /// <summary>Shuts the socket down and closes it, so pending reads and writes on it end now.</summary>
    public void Abort()
    {
        try
        {
            Socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer: closing below is all that is left to do.
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        Socket.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => DisposeAsync(new ConnectionClosedException("The connection was closed locally."));

    /// <summary>Aborts the socket and completes both pipes without writing what is still buffered.</summary>
    public async ValueTask DisposeAsync(Exception reason)
    {
        Abort();

        // Completing with an exception tells the stream writer not to flush leftovers into a closed socket.
        await Input.CompleteAsync(reason).ConfigureAwait(false);
        await Output.CompleteAsync(reason).ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
