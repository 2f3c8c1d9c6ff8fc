namespace Actors.Client.Tests.Http;

/// <summary>Serves bytes a few at a time, as a network would: every read returns at most the next chunk size.</summary>
internal sealed class ChunkedStream(byte[] bytes, params int[] chunkSizes) : Stream
{
    private readonly byte[] _bytes = bytes;
    private readonly int[] _chunkSizes = chunkSizes.Length == 0 ? [1] : chunkSizes;
    private int _position;
    private int _reads;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var size = Math.Min(Math.Min(count, _chunkSizes[_reads++ % _chunkSizes.Length]), _bytes.Length - _position);
        Array.Copy(_bytes, _position, buffer, offset, size);
        _position += size;
        return size;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var size = Math.Min(Math.Min(buffer.Length, _chunkSizes[_reads++ % _chunkSizes.Length]), _bytes.Length - _position);
        _bytes.AsMemory(_position, size).CopyTo(buffer);
        _position += size;
        return ValueTask.FromResult(size);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
