using System.Globalization;
using Actors.Silo.Endpoints.Jobs;

namespace Actors.Silo.Endpoints.Coordination;

/// <summary>Checks of names and ids shared by the coordination endpoints; each mistake names its field.</summary>
internal static class CoordinationInput
{
    /// <summary>The longest lock, semaphore, election or service name (the grains may refuse more).</summary>
    public const int MaxNameLength = 256;

    /// <summary>The longest session id.</summary>
    public const int MaxSessionIdLength = 128;

    /// <summary>The longest free text (owner, value) a request may carry.</summary>
    public const int MaxTextLength = 64 * 1024;

    /// <summary>The largest JSON body of a coordination request.</summary>
    public const int MaxJsonBodyBytes = 256 * 1024;

    /// <summary>A new session id: <c>s-</c> and 32 lowercase hex digits.</summary>
    public static string NewSessionId() => "s-" + Guid.NewGuid().ToString("N");

    /// <summary>Adds an error unless <paramref name="name"/> is a usable resource name.</summary>
    public static void Name(string? name, string field, ErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(field, "is required and must not be blank");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(field, $"must have at most {MaxNameLength.ToString(CultureInfo.InvariantCulture)} characters");
        }
        else if (name.Any(char.IsControl))
        {
            errors.Add(field, "must not contain control characters");
        }
    }

    /// <summary>Adds an error unless <paramref name="sessionId"/> looks like a session id (letters, digits, '-', '_', '.').</summary>
    public static void SessionId(string? sessionId, string field, ErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(sessionId))
        {
            errors.Add(field, "is required: the id of a session (POST /v1/sessions creates one)");
        }
        else if (sessionId.Length > MaxSessionIdLength || !sessionId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add(field, $"must be a session id (at most {MaxSessionIdLength.ToString(CultureInfo.InvariantCulture)} letters, digits, '-', '_' or '.')");
        }
    }

    /// <summary>Adds an error when optional free text is too long or has control characters other than line breaks and tabs.</summary>
    public static void Text(string? text, string field, int maxLength, ErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (text is null)
        {
            return;
        }

        if (text.Length > maxLength)
        {
            errors.Add(field, $"must have at most {maxLength.ToString(CultureInfo.InvariantCulture)} characters");
        }
    }

    /// <summary>A query parameter as a long in [<paramref name="min"/>, <paramref name="max"/>], or null when absent.</summary>
    public static long? Long(IQueryCollection query, string name, long min, long max, ErrorCollector errors)
    {
        var text = QueryReader.Single(query, name, errors);
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Add(name, $"must be an integer between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }

    /// <summary>A query parameter as true or false, or null when absent.</summary>
    public static bool? Bool(IQueryCollection query, string name, ErrorCollector errors)
    {
        var text = QueryReader.Single(query, name, errors);
        if (text is null)
        {
            return null;
        }

        if (!bool.TryParse(text, out var value))
        {
            errors.Add(name, "must be true or false");
            return null;
        }

        return value;
    }

    /// <summary>
    /// The <c>Last-Event-ID</c> header as a number, null when absent; an error when it is not a non-negative integer.
    /// </summary>
    public static long? LastEventId(HttpRequest request, ErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        if (!request.Headers.TryGetValue(JobEventsHandler.LastEventIdHeader, out var values))
        {
            return null;
        }

        if (values.Count != 1 || !long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(JobEventsHandler.LastEventIdHeader, "must be an event id this stream sent (a non-negative integer)");
            return null;
        }

        return value;
    }
}
