using System.Net.Sockets;

namespace Actors.Containers.Docker.Engine;

/// <summary>
/// An attach connection after the engine upgraded it: reads give the container's multiplexed output (starting with
/// any bytes that arrived together with the response head), writes go to its stdin, and <see cref="CloseWrite"/>
/// half-closes the socket so the container sees the end of its stdin while its output still arrives.
/// </summary>
internal sealed class HijackedStream : Stream
{
    private readonly Socket _socket;
    private readonly NetworkStream _network;
    private ReadOnlyMemory<byte> _pending;
    private int _writeClosed;

    /// <summary>Wraps a connected socket; <paramref name="pending"/> holds stream bytes already read past the head.</summary>
    public HijackedStream(Socket socket, ReadOnlyMemory<byte> pending)
    {
        _socket = socket ?? throw new ArgumentNullException(nameof(socket));
        _network = new NetworkStream(socket, ownsSocket: true);
        _pending = pending;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Shuts down the sending side (once): the engine closes the container's stdin, output keeps coming.</summary>
    public void CloseWrite()
    {
        if (Interlocked.Exchange(ref _writeClosed, 1) == 0)
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
    }

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_pending.IsEmpty)
        {
            return ValueTask.FromResult(ReadPending(buffer.Span));
        }

        return _network.ReadAsync(buffer, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => _pending.IsEmpty ? _network.Read(buffer) : ReadPending(buffer);

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _network.WriteAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _network.WriteAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => _network.Write(buffer, offset, count);

    /// <inheritdoc />
    public override void Flush()
    {
        // Writes go straight to the socket.
    }

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _network.Dispose();
        }

        base.Dispose(disposing);
    }

    private int ReadPending(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _pending.Length);
        _pending.Span[..count].CopyTo(buffer);
        _pending = _pending[count..];
        return count;
    }
}
