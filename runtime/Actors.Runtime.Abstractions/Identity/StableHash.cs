using System.Text;

namespace Actors;

/// <summary>
/// A 32-bit FNV-1a hash over UTF-8 text. Not cryptographic; chosen because every process computes the same
/// value for the same text, which is what ring ownership needs.
/// </summary>
public static class StableHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>Hashes one string.</summary>
    public static uint Compute(string text) => Finalize(Continue(OffsetBasis, text));

    /// <summary>Hashes two strings as if joined by '/'.</summary>
    public static uint Compute(string first, string second)
    {
        var hash = Continue(OffsetBasis, first);
        hash = (hash ^ '/') * Prime;
        return Finalize(Continue(hash, second));
    }

    private static uint Continue(uint hash, string text)
    {
        Span<byte> buffer = stackalloc byte[256];
        var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        var bytes = maxBytes <= buffer.Length ? buffer : new byte[maxBytes];
        var written = Encoding.UTF8.GetBytes(text, bytes);
        foreach (var b in bytes[..written])
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }

    // FNV's low bits mix poorly for short keys; a final avalanche (murmur3's fmix32) spreads them over the ring.
    private static uint Finalize(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >> 16;
        return hash;
    }
}
