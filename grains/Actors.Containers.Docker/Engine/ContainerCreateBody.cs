namespace Actors.Containers.Docker.Engine;

/// <summary>The body of <c>POST /containers/create</c> (the fields this adapter sets).</summary>
internal sealed class ContainerCreateBody
{
    public required string Image { get; init; }

    /// <summary>Replaces the image's CMD when set (the image's ENTRYPOINT, if any, stays).</summary>
    public IReadOnlyList<string>? Cmd { get; init; }

    /// <summary>Entries of the form <c>NAME=value</c>.</summary>
    public IReadOnlyList<string>? Env { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public bool AttachStdin { get; init; }

    public bool AttachStdout { get; init; }

    public bool AttachStderr { get; init; }

    public bool OpenStdin { get; init; }

    /// <summary>Closes the container's stdin when the (one) attached client closes its side.</summary>
    public bool StdinOnce { get; init; }

    public bool Tty { get; init; }

    public required HostConfigBody HostConfig { get; init; }
}
