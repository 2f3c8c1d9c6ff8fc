using System.Net.Http.Headers;
using System.Text.Json;

namespace Actors.Client.Http;

/// <summary>Turns an error answer into an <see cref="ActorsApiException"/>, reading an RFC 9457 problem body when there is one.</summary>
internal static class ProblemReader
{
    private const int MaxBodyInMessage = 500;

    /// <summary>The exception for <paramref name="response"/> (which is not successful).</summary>
    public static async Task<ActorsApiException> ToExceptionAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var retryAfter = RetryAfter(response.Headers.RetryAfter, time);
        var fallbackTitle = response.ReasonPhrase is { Length: > 0 } reason ? reason : response.StatusCode.ToString();
        if (!TryParse(body, out var problem))
        {
            var text = body.Trim();
            return new ActorsApiException(
                response.StatusCode,
                fallbackTitle,
                text.Length == 0 ? null : text.Length <= MaxBodyInMessage ? text : text[..MaxBodyInMessage] + "...",
                retryAfter: retryAfter);
        }

        return new ActorsApiException(
            response.StatusCode,
            String(problem, "title") ?? fallbackTitle,
            String(problem, "detail"),
            Errors(problem),
            retryAfter,
            Extensions(problem));
    }

    /// <summary>The <c>Retry-After</c> delay: seconds, or a date measured from now.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static bool TryParse(string body, out JsonElement problem)
    {
        problem = default;
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            problem = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? String(JsonElement problem, string name) =>
        problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, IReadOnlyList<string>> Errors(JsonElement problem)
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!problem.TryGetProperty("errors", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            return errors;
        }

        foreach (var field in element.EnumerateObject())
        {
            errors[field.Name] = field.Value.ValueKind switch
            {
                JsonValueKind.Array => [.. field.Value.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString()! : m.GetRawText())],
                JsonValueKind.String => [field.Value.GetString()!],
                _ => [field.Value.GetRawText()],
            };
        }

        return errors;
    }

    private static Dictionary<string, JsonElement> Extensions(JsonElement problem)
    {
        var standard = new HashSet<string>(StringComparer.Ordinal) { "type", "title", "status", "detail", "instance", "errors" };
        return problem.EnumerateObject().Where(p => !standard.Contains(p.Name)).GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First().Value.Clone());
    }
}
