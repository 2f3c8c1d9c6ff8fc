using System.Globalization;

namespace Actors.Benchmarks.Measurement;

/// <summary>Reads a benchmark's <c>--name value</c> options, refusing values out of range with a message naming the option.</summary>
internal static class BenchmarkArguments
{
    /// <summary>The value after <paramref name="name"/>, or null when the option is absent.</summary>
    public static string? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name)
            {
                return i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{name} needs a value.");
            }
        }

        return null;
    }

    /// <summary>The number after <paramref name="name"/>, within [<paramref name="min"/>, <paramref name="max"/>]; <paramref name="fallback"/> when absent.</summary>
    public static double Number(IReadOnlyList<string> args, string name, double fallback, double min, double max)
    {
        if (Value(args, name) is not { } text)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number from {min} to {max}, not '{text}'."));
    }
}
