namespace Actors.Containers.Docker.Streams;

/// <summary>
/// Keeps the first <see cref="Cap"/> bytes of everything appended and counts the rest: a container's stdout, which must
/// be drained to the end (or the container blocks on a full pipe) but must not grow memory without bound.
/// </summary>
/// <remarks>Not thread-safe. Memory grows with what is kept, not with the cap.</remarks>
internal sealed class CappedBuffer
{
    private byte[] _buffer = [];
    private int _length;
    private long _total;

    /// <summary>Creates an empty buffer keeping at most <paramref name="cap"/> bytes (at most <see cref="Array.MaxLength"/>).</summary>
    public CappedBuffer(long cap)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cap);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cap, Array.MaxLength);
        Cap = (int)cap;
    }

    /// <summary>The most bytes kept.</summary>
    public int Cap { get; }

    /// <summary>All bytes ever appended, kept or not.</summary>
    public long TotalBytes => _total;

    /// <summary>Whether bytes beyond the cap were dropped.</summary>
    public bool Truncated => _total > Cap;

    /// <summary>Appends <paramref name="bytes"/>; what goes beyond the cap is counted and dropped.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        _total += bytes.Length;
        var kept = Math.Min(bytes.Length, Cap - _length);
        if (kept <= 0)
        {
            return;
        }

        if (_length + kept > _buffer.Length)
        {
            var size = (int)Math.Min(Cap, Math.Max((long)_buffer.Length * 2, Math.Max(_length + kept, 4096)));
            Array.Resize(ref _buffer, size);
        }

        bytes[..kept].CopyTo(_buffer.AsSpan(_length));
        _length += kept;
    }

    /// <summary>The kept bytes.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();
}
