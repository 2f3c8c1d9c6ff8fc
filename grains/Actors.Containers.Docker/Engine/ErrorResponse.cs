using System.Text.Json.Serialization;

namespace Actors.Containers.Docker.Engine;

/// <summary>The body of every engine error: <c>{"message": "..."}</c>.</summary>
internal sealed class ErrorResponse
{
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
