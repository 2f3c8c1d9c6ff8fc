namespace Actors.Containers.Docker.Engine;

/// <summary>The answer to <c>POST /containers/{id}/wait</c>.</summary>
internal sealed class ContainerWaitResponse
{
    public long StatusCode { get; init; }

    public ContainerWaitError? Error { get; init; }
}
