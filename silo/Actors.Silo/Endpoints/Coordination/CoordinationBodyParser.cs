using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Actors.Silo.Endpoints.Jobs;

namespace Actors.Silo.Endpoints.Coordination;

/// <summary>
/// Reads a coordination request's JSON body strictly (see <see cref="CoordinationJsonContext"/>): an empty, oversized or
/// malformed body, an unknown field or a value of the wrong type becomes an error naming the field.
/// </summary>
internal static class CoordinationBodyParser
{
    /// <summary>The error key for problems with the body as a whole.</summary>
    public const string BodyField = SubmitJobRequestParser.BodyField;

    /// <summary>The request, or null with a message in <paramref name="errors"/>.</summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, ErrorCollector errors, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(errors);
        var body = await RequestBodyReader.ReadAsync(request, CoordinationInput.MaxJsonBodyBytes, cancellationToken);
        if (body is null)
        {
            errors.Add(BodyField, $"must have at most {CoordinationInput.MaxJsonBodyBytes.ToString(CultureInfo.InvariantCulture)} bytes");
            return null;
        }

        return Parse(body, typeInfo, errors);
    }

    /// <summary>Parses <paramref name="body"/>, or null with a message in <paramref name="errors"/>.</summary>
    public static T? Parse<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo, ErrorCollector errors)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(errors);
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            errors.Add(BodyField, "is empty: send a JSON object");
            return null;
        }

        try
        {
            var value = JsonSerializer.Deserialize(body, typeInfo);
            if (value is null)
            {
                errors.Add(BodyField, "must be a JSON object, not null");
            }

            return value;
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
        var field = ex.Path switch
        {
            null or "" or "$" => BodyField,
            var path when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
            var path => path.TrimStart('$'),
        };
        var where = ex.LineNumber is { } line && ex.BytePositionInLine is { } column
            ? $" (line {(line + 1).ToString(CultureInfo.InvariantCulture)}, byte {(column + 1).ToString(CultureInfo.InvariantCulture)})"
            : string.Empty;
        var text = ex.Message;
        var cut = text.IndexOf(" Path: ", StringComparison.Ordinal);
        text = cut >= 0 ? text[..cut] : text;
        if (text.StartsWith("The JSON property '", StringComparison.Ordinal) && text.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var name = text["The JSON property '".Length..];
            name = name[..Math.Max(0, name.IndexOf('\'', StringComparison.Ordinal))];
            return (field == BodyField && name.Length > 0 ? name : field, $"is not a field of this request{where}");
        }

        if (text.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            return (field, $"appears more than once{where}");
        }

        if (text.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return (field, field == BodyField ? $"must be a JSON object{where}" : $"has the wrong type{where}");
        }

        return (field, $"is not valid JSON{where}");
    }
}
