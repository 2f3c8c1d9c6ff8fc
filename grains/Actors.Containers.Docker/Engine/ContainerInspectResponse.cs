namespace Actors.Containers.Docker.Engine;

/// <summary>The part of <c>GET /containers/{id}/json</c> this adapter reads.</summary>
internal sealed class ContainerInspectResponse
{
    public string Id { get; init; } = string.Empty;

    public ContainerState? State { get; init; }
}
