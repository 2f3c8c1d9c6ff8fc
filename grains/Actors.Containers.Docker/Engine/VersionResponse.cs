namespace Actors.Containers.Docker.Engine;

/// <summary>The part of <c>GET /version</c> this adapter reads.</summary>
internal sealed class VersionResponse
{
    public string Version { get; init; } = string.Empty;

    public string ApiVersion { get; init; } = string.Empty;

    public string? MinAPIVersion { get; init; }
}
