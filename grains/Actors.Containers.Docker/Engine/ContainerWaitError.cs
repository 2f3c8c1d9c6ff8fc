namespace Actors.Containers.Docker.Engine;

/// <summary>Why the engine could not wait for a container.</summary>
internal sealed class ContainerWaitError
{
    public string? Message { get; init; }
}
