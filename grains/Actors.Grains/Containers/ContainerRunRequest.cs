namespace Actors.Grains.Containers;

/// <summary>
/// One container to run. The runtime hardens every container: network mode <c>none</c>, a read-only root filesystem
/// with a small tmpfs at <c>/tmp</c>, all capabilities dropped, <c>no-new-privileges</c>, and the limits below.
/// </summary>
/// <param name="Image">The image.</param>
/// <param name="Command">The command and arguments, or null for the image's default.</param>
/// <param name="Env">Environment variables.</param>
/// <param name="Stdin">The bytes written to stdin before it is closed.</param>
/// <param name="Timeout">The wall-clock limit from start; the container is killed after it.</param>
/// <param name="NanoCpus">The CPU limit in billionths of a CPU.</param>
/// <param name="MemoryBytes">The memory limit (swap is not allowed beyond it).</param>
/// <param name="PidsLimit">The most processes the container may have.</param>
/// <param name="TmpfsBytes">The size of the tmpfs at <c>/tmp</c>.</param>
/// <param name="StdoutCapBytes">The most stdout bytes kept; beyond it stdout is drained and marked truncated.</param>
/// <param name="StderrTailBytes">The bytes of the end of stderr kept.</param>
/// <param name="Labels">Labels on the container (executor nodes label theirs to find orphans).</param>
public sealed record ContainerRunRequest(
    string Image,
    IReadOnlyList<string>? Command,
    IReadOnlyDictionary<string, string>? Env,
    ReadOnlyMemory<byte> Stdin,
    TimeSpan Timeout,
    long NanoCpus,
    long MemoryBytes,
    long PidsLimit,
    long TmpfsBytes,
    long StdoutCapBytes,
    int StderrTailBytes,
    IReadOnlyDictionary<string, string> Labels);
