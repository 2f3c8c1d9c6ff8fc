namespace Actors.Containers.Docker.Engine;

/// <summary>The <c>HostConfig</c> of a container to create: its isolation and limits.</summary>
internal sealed class HostConfigBody
{
    public required string NetworkMode { get; init; }

    public bool ReadonlyRootfs { get; init; }

    /// <summary>Mount point to tmpfs mount options.</summary>
    public IReadOnlyDictionary<string, string>? Tmpfs { get; init; }

    public IReadOnlyList<string>? CapDrop { get; init; }

    public IReadOnlyList<string>? SecurityOpt { get; init; }

    public long Memory { get; init; }

    /// <summary>Memory plus swap; equal to <see cref="Memory"/> means no swap.</summary>
    public long MemorySwap { get; init; }

    public long NanoCpus { get; init; }

    public long PidsLimit { get; init; }

    public bool AutoRemove { get; init; }

    public bool Privileged { get; init; }

    public LogConfigBody? LogConfig { get; init; }
}
