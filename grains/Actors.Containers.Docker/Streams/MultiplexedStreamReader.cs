using System.Buffers.Binary;

namespace Actors.Containers.Docker.Streams;

/// <summary>
/// Splits the engine's multiplexed attach stream (a container without a TTY) back into stdout and stderr. The stream
/// is a sequence of frames, each an 8-byte header - the stream kind, three zero bytes, the payload length as a
/// big-endian uint32 - followed by that many payload bytes. Frames may be empty and may arrive split across any
/// number of reads; a payload is handed out in chunks no larger than the caller's buffer, so a frame's size never
/// decides how much memory is used.
/// </summary>
/// <remarks>Not thread-safe: one reader at a time.</remarks>
internal sealed class MultiplexedStreamReader(Stream stream)
{
    /// <summary>The size of a frame header.</summary>
    public const int HeaderSize = 8;

    private readonly Stream _stream = stream ?? throw new ArgumentNullException(nameof(stream));
    private readonly byte[] _header = new byte[HeaderSize];
    private MultiplexedStreamKind _kind;
    private long _remaining;
    private long _frameLength;

    /// <summary>
    /// Reads the next payload bytes into <paramref name="buffer"/> and says which stream they belong to; returns
    /// <see cref="MultiplexedChunk.End"/> when the stream ends cleanly between frames.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream ended inside a frame, or a header is malformed.</exception>
    public async ValueTask<MultiplexedChunk> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            throw new ArgumentException("The buffer must not be empty.", nameof(buffer));
        }

        // Empty frames carry nothing: skip them rather than hand out a zero count, which would read as the end.
        while (_remaining == 0)
        {
            if (!await ReadHeaderAsync(cancellationToken))
            {
                return MultiplexedChunk.End;
            }
        }

        var wanted = (int)Math.Min(buffer.Length, _remaining);
        var read = await _stream.ReadAsync(buffer[..wanted], cancellationToken);
        if (read == 0)
        {
            throw new InvalidDataException(
                $"The attach stream ended inside a {_kind} frame: {_frameLength - _remaining} of its {_frameLength} bytes arrived.");
        }

        _remaining -= read;
        return new MultiplexedChunk(_kind, read);
    }

    /// <summary>Reads one header; false when the stream ended exactly before it.</summary>
    private async ValueTask<bool> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var read = await _stream.ReadAtLeastAsync(_header, HeaderSize, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            return false;
        }

        if (read < HeaderSize)
        {
            throw new InvalidDataException($"The attach stream ended inside a frame header: {read} of its {HeaderSize} bytes arrived.");
        }

        var kind = _header[0];
        if (kind > (byte)MultiplexedStreamKind.SystemError || _header[1] != 0 || _header[2] != 0 || _header[3] != 0)
        {
            throw new InvalidDataException(
                $"The attach stream is not multiplexed as expected: frame header {Convert.ToHexString(_header)} (stream kind {kind}).");
        }

        _kind = (MultiplexedStreamKind)kind;
        _frameLength = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(4));
        _remaining = _frameLength;
        return true;
    }
}
