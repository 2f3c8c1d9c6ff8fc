namespace Actors.Containers.Docker.Streams;

/// <summary>
/// Keeps the last <see cref="Capacity"/> bytes of everything appended (a ring buffer): the end of a container's stderr,
/// where the reason it failed usually is, without holding all of a chatty stream.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class TailBuffer
{
    private readonly byte[] _ring;
    private int _next;
    private long _total;

    /// <summary>Creates an empty buffer keeping at most <paramref name="capacity"/> bytes (0 keeps nothing).</summary>
    public TailBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _ring = new byte[capacity];
    }

    /// <summary>The most bytes kept.</summary>
    public int Capacity => _ring.Length;

    /// <summary>All bytes ever appended, kept or not.</summary>
    public long TotalBytes => _total;

    /// <summary>Appends <paramref name="bytes"/>, dropping the oldest bytes beyond the capacity.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        _total += bytes.Length;
        if (_ring.Length == 0)
        {
            return;
        }

        // Only the last Capacity bytes of a long append can survive it.
        if (bytes.Length > _ring.Length)
        {
            bytes = bytes[^_ring.Length..];
        }

        var first = Math.Min(bytes.Length, _ring.Length - _next);
        bytes[..first].CopyTo(_ring.AsSpan(_next));
        bytes[first..].CopyTo(_ring);
        _next = (_next + bytes.Length) % _ring.Length;
    }

    /// <summary>The kept bytes, oldest first.</summary>
    public byte[] ToArray()
    {
        if (_total < _ring.Length)
        {
            return _ring.AsSpan(0, (int)_total).ToArray();
        }

        var result = new byte[_ring.Length];
        var older = _ring.AsSpan(_next);
        older.CopyTo(result);
        _ring.AsSpan(0, _next).CopyTo(result.AsSpan(older.Length));
        return result;
    }
}
