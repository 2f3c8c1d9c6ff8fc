namespace Actors.Grains.Containers;

/// <summary>How a container run ended and what it wrote.</summary>
/// <param name="ContainerId">The container's id.</param>
/// <param name="Exit">Why it stopped.</param>
/// <param name="ExitCode">The exit code the engine reported (137 after a kill).</param>
/// <param name="Stdout">The stdout bytes, at most the cap.</param>
/// <param name="StdoutTruncated">Whether stdout went past the cap.</param>
/// <param name="StderrTail">The end of stderr, at most the tail size.</param>
/// <param name="StartedAt">When the container started.</param>
/// <param name="FinishedAt">When it stopped.</param>
public sealed record ContainerRunResult(
    string ContainerId,
    ContainerExit Exit,
    int ExitCode,
    byte[] Stdout,
    bool StdoutTruncated,
    byte[] StderrTail,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt);
