using System.Globalization;
using Actors.Runtime.Reminders;

namespace Actors.Runtime.Membership;

/// <summary>
/// The active silos placed on the 32-bit hash ring, each at several virtual points so ownership splits evenly.
/// A hash belongs to the silo of the first point at or after it (wrapping). Every silo computes the same ring
/// from the same view, so they agree on owners without talking.
/// </summary>
public sealed class ConsistentRing
{
    /// <summary>Points per silo: more spreads ownership more evenly, at the cost of more ranges per silo.</summary>
    public const int VirtualPointsPerSilo = 16;

    private readonly (uint Point, SiloAddress Silo)[] _points;

    public ConsistentRing(IEnumerable<SiloAddress> silos)
    {
        _points = [.. silos
            .SelectMany(silo => Enumerable.Range(0, VirtualPointsPerSilo)
                .Select(i => (Point: StableHash.Compute(silo.ToString() + "#" + i.ToString(CultureInfo.InvariantCulture)), Silo: silo)))
            .OrderBy(p => p.Point)
            .ThenBy(p => p.Silo)];
    }

    /// <summary>True when no silo is on the ring.</summary>
    public bool IsEmpty => _points.Length == 0;

    /// <summary>The silo owning <paramref name="hash"/>, or null on an empty ring.</summary>
    public SiloAddress? Owner(uint hash)
    {
        if (_points.Length == 0)
        {
            return null;
        }

        var low = 0;
        var high = _points.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_points[middle].Point < hash)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return _points[low == _points.Length ? 0 : low].Silo;
    }

    /// <summary>The ranges <paramref name="silo"/> owns: (previous point, its point] for each of its points.</summary>
    public IReadOnlyList<RingRange> RangesOf(SiloAddress silo)
    {
        if (_points.Length == 0)
        {
            return [];
        }

        if (_points.All(p => p.Silo.Equals(silo)))
        {
            return [RingRange.Full];
        }

        var ranges = new List<RingRange>();
        for (var i = 0; i < _points.Length; i++)
        {
            if (_points[i].Silo.Equals(silo))
            {
                var previous = _points[(i - 1 + _points.Length) % _points.Length].Point;
                if (previous != _points[i].Point)
                {
                    ranges.Add(new RingRange(previous, _points[i].Point));
                }
            }
        }

        return ranges;
    }

    /// <summary>True when <paramref name="silo"/> owns <paramref name="hash"/>.</summary>
    public bool Owns(SiloAddress silo, uint hash) => Owner(hash)?.Equals(silo) == true;
}
