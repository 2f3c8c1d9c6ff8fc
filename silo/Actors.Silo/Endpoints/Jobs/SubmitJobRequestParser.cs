using System.Globalization;
using System.Text.Json;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>
/// Turns the body of <c>POST /v1/jobs</c> into a <see cref="SubmitJobRequest"/>, or into an error that says where the
/// JSON is wrong (the field, line and byte) in words a client can act on rather than .NET type names.
/// </summary>
internal static class SubmitJobRequestParser
{
    /// <summary>The error key for problems with the body as a whole.</summary>
    public const string BodyField = "body";

    private static readonly Dictionary<string, string> Expected = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image"] = "a string",
        ["command"] = "an array of strings",
        ["env"] = "an object whose values are strings",
        ["input"] = "a string",
        ["inputBase64"] = "a base64 string",
        ["timeoutSeconds"] = "an integer",
        ["cpus"] = "a number",
        ["memoryMb"] = "an integer",
        ["retries"] = "an integer",
        ["retryOnFailure"] = "true or false",
        ["labels"] = "an object whose values are strings",
    };

    /// <summary>The fields a submission may have, for messages.</summary>
    public static string KnownFields => string.Join(", ", Expected.Keys);

    /// <summary>The request, or null with a message in <paramref name="errors"/>.</summary>
    public static SubmitJobRequest? Parse(ReadOnlySpan<byte> body, ErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            errors.Add(BodyField, "is empty: send a JSON object such as {\"image\": \"busybox\", \"command\": [\"echo\", \"hi\"]}");
            return null;
        }

        try
        {
            var request = JsonSerializer.Deserialize(body, SubmitJobRequestJsonContext.Default.SubmitJobRequest);
            if (request is null)
            {
                errors.Add(BodyField, "must be a JSON object, not null");
            }

            return request;
        }
        catch (JsonException ex)
        {
            var (field, message) = Describe(ex);
            errors.Add(field, message);
            return null;
        }
    }

    private static (string Field, string Message) Describe(JsonException ex)
    {
        var field = FieldOf(ex.Path);
        var where = ex.LineNumber is { } line && ex.BytePositionInLine is { } column
            ? $" (line {(line + 1).ToString(CultureInfo.InvariantCulture)}, byte {(column + 1).ToString(CultureInfo.InvariantCulture)})"
            : string.Empty;
        var text = ex.Message;
        var cut = text.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0)
        {
            text = text[..cut];
        }

        if (text.StartsWith("The JSON property '", StringComparison.Ordinal) && text.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var name = text["The JSON property '".Length..];
            name = name[..Math.Max(0, name.IndexOf('\'', StringComparison.Ordinal))];
            return (field == BodyField && name.Length > 0 ? name : field, $"is not a field of a job submission{where}; the fields are: {KnownFields}");
        }

        if (text.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            return (field, $"appears more than once{where}");
        }

        if (text.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            var top = field.Split('.', '[')[0];
            return field == BodyField
                ? (field, $"must be a JSON object{where}")
                : (field, Expected.TryGetValue(top, out var expected) && top == field
                    ? $"has the wrong type{where}: expected {expected}"
                    : $"has the wrong type{where}: expected a string");
        }

        return (field, $"is not valid JSON{where}: {text}");
    }

    private static string FieldOf(string? path) => path switch
    {
        null or "" or "$" => BodyField,
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ when path.StartsWith('$') => path[1..],
        _ => path,
    };
}
