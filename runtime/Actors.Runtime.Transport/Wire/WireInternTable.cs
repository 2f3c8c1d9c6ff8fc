namespace Actors.Transport;

/// <summary>
/// A fixed-size, direct-mapped cache from encoded bytes to the value they decode to, so hot values (grain types,
/// interface and method names, silo addresses) are not decoded and allocated again for every frame.
/// </summary>
/// <remarks>
/// Lock-free: each slot holds an immutable entry and a colliding value simply replaces it, so memory stays bounded
/// however many distinct values pass. Readers on several connections may race; the worst case is a missed hit.
/// </remarks>
internal sealed class WireInternTable<T>
{
    private readonly Entry?[] _entries;
    private readonly int _maxKeyBytes;
    private readonly SpanFactory<T> _factory;

    /// <summary>Creates a table of <paramref name="slots"/> entries (a power of two).</summary>
    public WireInternTable(int slots, int maxKeyBytes, SpanFactory<T> factory)
    {
        if (slots <= 0 || (slots & (slots - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "The slot count must be a power of two.");
        }

        _entries = new Entry?[slots];
        _maxKeyBytes = maxKeyBytes;
        _factory = factory;
    }

    /// <summary>The cached value for <paramref name="key"/>, decoding and caching it on a miss.</summary>
    public T GetOrAdd(ReadOnlySpan<byte> key)
    {
        if (key.Length > _maxKeyBytes)
        {
            return _factory(key);
        }

        var hash = new HashCode();
        hash.AddBytes(key);
        ref var slot = ref _entries[hash.ToHashCode() & (_entries.Length - 1)];
        var entry = Volatile.Read(ref slot);
        if (entry is not null && key.SequenceEqual(entry.Key))
        {
            return entry.Value;
        }

        var value = _factory(key);
        Volatile.Write(ref slot, new Entry(key.ToArray(), value));
        return value;
    }

    private sealed class Entry(byte[] key, T value)
    {
        public byte[] Key { get; } = key;

        public T Value { get; } = value;
    }
}
