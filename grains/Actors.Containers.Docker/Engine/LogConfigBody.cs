namespace Actors.Containers.Docker.Engine;

/// <summary>A container's logging driver.</summary>
internal sealed class LogConfigBody
{
    public required string Type { get; init; }
}
