namespace Actors.Containers.Docker.Engine;

/// <summary>One entry of <c>GET /containers/json</c>.</summary>
internal sealed class ContainerListItem
{
    public string Id { get; init; } = string.Empty;

    public string? State { get; init; }

    public Dictionary<string, string>? Labels { get; init; }
}
