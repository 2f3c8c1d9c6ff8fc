using System.Net;
using System.Text.Json;

namespace Actors.Client.Http;

/// <summary>
/// The API answered with an error: carries the HTTP status and the RFC 9457 problem (title, detail, and the fields
/// named in <c>errors</c>), and for 429 when to retry.
/// </summary>
public sealed class ActorsApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorsApiException()
        : this("The Actors API answered with an error.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ActorsApiException(string message)
        : base(message)
    {
        Errors = new Dictionary<string, IReadOnlyList<string>>();
        Extensions = new Dictionary<string, JsonElement>();
    }

    /// <summary>Creates the exception.</summary>
    public ActorsApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, IReadOnlyList<string>>();
        Extensions = new Dictionary<string, JsonElement>();
    }

    /// <summary>Creates the exception for an answer.</summary>
    public ActorsApiException(
        HttpStatusCode statusCode,
        string title,
        string? detail,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? errors = null,
        TimeSpan? retryAfter = null,
        IReadOnlyDictionary<string, JsonElement>? extensions = null)
        : base(Describe(statusCode, title, detail, errors))
    {
        StatusCode = statusCode;
        Title = title;
        Detail = detail;
        Errors = errors ?? new Dictionary<string, IReadOnlyList<string>>();
        RetryAfter = retryAfter;
        Extensions = extensions ?? new Dictionary<string, JsonElement>();
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The problem's title (or the HTTP reason when the body was not a problem).</summary>
    public string? Title { get; }

    /// <summary>The problem's detail.</summary>
    public string? Detail { get; }

    /// <summary>The wrong fields, query parameters or headers, with what is wrong with each.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; }

    /// <summary>With 429 (and 503): how long to wait before trying again, from <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The problem's other members (for example <c>jobId</c>, <c>jobStatus</c>).</summary>
    public IReadOnlyDictionary<string, JsonElement> Extensions { get; }

    private static string Describe(HttpStatusCode status, string title, string? detail, IReadOnlyDictionary<string, IReadOnlyList<string>>? errors)
    {
        var text = $"{(int)status} {title}";
        if (!string.IsNullOrEmpty(detail))
        {
            text += " " + detail;
        }

        if (errors is { Count: > 0 })
        {
            text += " (" + string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))) + ")";
        }

        return text;
    }
}
