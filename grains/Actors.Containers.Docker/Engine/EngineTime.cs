using System.Globalization;

namespace Actors.Containers.Docker.Engine;

/// <summary>Reads the engine's timestamps: RFC 3339 with up to nine fraction digits, and the zero time for "never".</summary>
internal static class EngineTime
{
    /// <summary>The instant <paramref name="value"/> names, or null when it is absent, the zero time or unreadable.</summary>
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.StartsWith("0001-01-01", StringComparison.Ordinal))
        {
            return null;
        }

        // .NET reads at most seven fraction digits (100 ns ticks); Go writes up to nine.
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var end = dot + 1;
            while (end < value.Length && char.IsAsciiDigit(value[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                value = string.Concat(value.AsSpan(0, dot + 8), value.AsSpan(end));
            }
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : null;
    }
}
