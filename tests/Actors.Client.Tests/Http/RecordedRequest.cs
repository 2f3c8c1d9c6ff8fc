using System.Text;
using System.Text.Json;

namespace Actors.Client.Tests.Http;

/// <summary>A request as the stub saw it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[] Body)
{
    public string PathAndQuery => Uri.PathAndQuery;

    public JsonElement Json => JsonDocument.Parse(Encoding.UTF8.GetString(Body)).RootElement.Clone();
}
