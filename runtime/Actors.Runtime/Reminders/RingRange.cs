using System.Globalization;

namespace Actors.Runtime.Reminders;

/// <summary>
/// A range of the 32-bit hash ring, from <see cref="Begin"/> (exclusive) to <see cref="End"/> (inclusive),
/// wrapping past zero. Begin == End is the whole ring. Reminders belong to the silo whose range holds their grain's hash.
/// </summary>
public readonly record struct RingRange(uint Begin, uint End)
{
    /// <summary>The whole ring (one silo owns everything).</summary>
    public static RingRange Full { get; } = new(0, 0);

    /// <summary>True for the whole ring.</summary>
    public bool IsFull => Begin == End;

    /// <summary>True when <paramref name="hash"/> falls in the range.</summary>
    public bool Contains(uint hash) => IsFull || (Begin < End ? hash > Begin && hash <= End : hash > Begin || hash <= End);

    /// <inheritdoc />
    public override string ToString() =>
        IsFull ? "(full ring)" : string.Create(CultureInfo.InvariantCulture, $"(0x{Begin:x8}, 0x{End:x8}]");
}
