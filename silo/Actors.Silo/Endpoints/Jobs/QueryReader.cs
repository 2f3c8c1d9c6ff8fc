using System.Globalization;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>Reads query parameters by hand so that every mistake becomes a 400 naming the parameter.</summary>
internal static class QueryReader
{
    /// <summary>Adds an error for each parameter not in <paramref name="allowed"/> (a typo would otherwise be ignored).</summary>
    public static void RejectUnknown(IQueryCollection query, ErrorCollector errors, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var key in query.Keys)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                errors.Add(key, allowed.Length == 0
                    ? "is not a parameter of this endpoint, which takes none"
                    : $"is not a parameter of this endpoint; it takes {string.Join(", ", allowed)}");
            }
        }
    }

    /// <summary>The parameter's one value, or null when absent; an error when it is repeated or empty.</summary>
    public static string? Single(IQueryCollection query, string name, ErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            errors.Add(name, "must be given at most once");
            return null;
        }

        if (string.IsNullOrEmpty(values[0]))
        {
            errors.Add(name, "must not be empty");
            return null;
        }

        return values[0];
    }

    /// <summary>The parameter as an integer in [<paramref name="min"/>, <paramref name="max"/>], or null when absent.</summary>
    public static int? Int(IQueryCollection query, string name, int min, int max, ErrorCollector errors)
    {
        var text = Single(query, name, errors);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Add(name, $"must be an integer between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }
}
