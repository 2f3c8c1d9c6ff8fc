using System.Text.Json;
using Actors.Client.Http;

namespace Actors.Cli;

/// <summary>How the CLI prints API objects: indented JSON in the API's own shape, so scripts can pipe it to jq.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Indented = new(ActorsHttpClient.JsonOptions) { WriteIndented = true };

    /// <summary>Writes <paramref name="value"/> and a line feed.</summary>
    public static Task WriteAsync<T>(TextWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer.WriteLineAsync(JsonSerializer.Serialize(value, Indented.GetTypeInfo(typeof(T))));
    }
}
