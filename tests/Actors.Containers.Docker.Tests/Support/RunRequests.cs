using Actors.Grains.Containers;

namespace Actors.Containers.Docker.Tests.Support;

/// <summary>Run requests with small, valid limits; tests change what they are about with <c>with</c>.</summary>
internal static class RunRequests
{
    public const long MiB = 1024 * 1024;

    public static ContainerRunRequest For(string image, IReadOnlyDictionary<string, string>? labels = null, ReadOnlyMemory<byte> stdin = default) => new(
        Image: image,
        Command: null,
        Env: null,
        Stdin: stdin,
        Timeout: TimeSpan.FromSeconds(60),
        NanoCpus: 1_000_000_000,
        MemoryBytes: 128 * MiB,
        PidsLimit: 64,
        TmpfsBytes: 16 * MiB,
        StdoutCapBytes: 16 * MiB,
        StderrTailBytes: 4096,
        Labels: labels ?? new Dictionary<string, string>());
}
