using System.Globalization;

namespace Actors.TestKit.Contracts;

/// <summary>
/// A grain state shaped to catch lossy storage: text beyond ASCII, the extremes of long, a double that needs full
/// precision, nested collections and a timestamp with an offset.
/// </summary>
public sealed class ContractState
{
    public string Name { get; set; } = string.Empty;

    public int Count { get; set; }

    public long Big { get; set; }

    public double Ratio { get; set; }

    public DateTimeOffset At { get; set; }

    public List<string> Tags { get; set; } = [];

    public Dictionary<string, int> Scores { get; set; } = [];

    /// <summary>A state with every field set, distinguishable by <paramref name="name"/>.</summary>
    public static ContractState Sample(string name, int count = 1) => new()
    {
        Name = name,
        Count = count,
        Big = long.MaxValue - count,
        Ratio = 0.1 + (1.0 / 3.0),
        At = new DateTimeOffset(2026, 11, 22, 10, 30, 15, 123, TimeSpan.FromHours(2)),
        Tags = ["α", "b\"quoted\"", "c\\d", "emoji 🚀"],
        Scores = new() { ["x"] = 1, ["y"] = -2 },
    };

    /// <summary>Every field as text, so two states compare by value.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}|{Count}|{Big}|{Ratio:R}|{At:O}|{string.Join(",", Tags)}|{string.Join(",", Scores.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"))}");

    /// <inheritdoc />
    public override string ToString() => Describe();
}
