using System.Globalization;

namespace Actors;

/// <summary>
/// The canonical text forms of grain keys. A Guid key is 32 lower-case hex digits ("N"); an integer key is its
/// invariant decimal form; a compound key appends '+' and the extension. Stable: these strings are stored.
/// </summary>
public static class GrainKeyFormat
{
    private const char ExtensionSeparator = '+';

    /// <summary>Formats a Guid key.</summary>
    public static string Format(Guid key) => key.ToString("N", CultureInfo.InvariantCulture);

    /// <summary>Formats an integer key.</summary>
    public static string Format(long key) => key.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a Guid compound key.</summary>
    public static string Format(Guid key, string extension) => Format(key) + ExtensionSeparator + CheckExtension(extension);

    /// <summary>Formats an integer compound key.</summary>
    public static string Format(long key, string extension) => Format(key) + ExtensionSeparator + CheckExtension(extension);

    /// <summary>Reads the Guid part of a key.</summary>
    public static Guid ParseGuid(string key, out string? extension)
    {
        var primary = Split(key, out extension);
        if (!Guid.TryParseExact(primary, "N", out var guid))
        {
            throw new FormatException($"Grain key '{key}' does not hold a Guid.");
        }

        return guid;
    }

    /// <summary>Reads the integer part of a key.</summary>
    public static long ParseLong(string key, out string? extension)
    {
        var primary = Split(key, out extension);
        if (!long.TryParse(primary, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"Grain key '{key}' does not hold an integer.");
        }

        return value;
    }

    private static ReadOnlySpan<char> Split(string key, out string? extension)
    {
        var plus = key.IndexOf(ExtensionSeparator, StringComparison.Ordinal);
        if (plus < 0)
        {
            extension = null;
            return key;
        }

        extension = key[(plus + 1)..];
        return key.AsSpan(0, plus);
    }

    private static string CheckExtension(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return extension;
    }
}
