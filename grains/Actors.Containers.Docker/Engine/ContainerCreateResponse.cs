namespace Actors.Containers.Docker.Engine;

/// <summary>The answer to <c>POST /containers/create</c>.</summary>
internal sealed class ContainerCreateResponse
{
    public string Id { get; init; } = string.Empty;

    public IReadOnlyList<string>? Warnings { get; init; }
}
