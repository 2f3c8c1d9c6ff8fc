using System.Text.Json.Serialization;

namespace Actors.Containers.Docker.Engine;

/// <summary>One line of the JSON stream <c>POST /images/create</c> answers with; a failed pull ends with an error line.</summary>
internal sealed class PullProgressMessage
{
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
