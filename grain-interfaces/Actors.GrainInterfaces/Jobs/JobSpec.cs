namespace Actors.GrainInterfaces.Jobs;

/// <summary>
/// What a user asked to run: an image, an optional command, environment, limits and labels. The input travels
/// beside it: inline when small (<see cref="InlineInput"/>), otherwise written to the job store's input blob before
/// the job is submitted (claim check), so large bodies never cross a grain call.
/// </summary>
/// <param name="Image">The container image, for example <c>actors/cat:latest</c>.</param>
/// <param name="Command">The command and arguments, or null for the image's default.</param>
/// <param name="Env">Environment variables for the container.</param>
/// <param name="InputLength">The number of stdin bytes.</param>
/// <param name="InlineInput">The stdin bytes when they are at most <see cref="JobLimits.InlineInputBytes"/>; otherwise null and stored as a blob.</param>
/// <param name="TimeoutSeconds">The wall-clock limit of one attempt; the container is killed after it.</param>
/// <param name="Cpus">The CPUs the container may use (fractions allowed), or null for the node's default.</param>
/// <param name="MemoryMb">The container's memory limit in MiB, or null for the node's default.</param>
/// <param name="Retries">How many more attempts an infrastructure failure (node died, engine error) may cause.</param>
/// <param name="RetryOnFailure">Whether a non-zero exit is retried too (by default it is the user's failure and final).</param>
/// <param name="Labels">The user's labels, for listing.</param>
/// <param name="Submitter">Who submitted it; the scheduler shares capacity fairly between submitters.</param>
/// <param name="IdempotencyKey">The submitter's idempotency key, when one was given.</param>
public sealed record JobSpec(
    string Image,
    IReadOnlyList<string>? Command,
    IReadOnlyDictionary<string, string>? Env,
    long InputLength,
    byte[]? InlineInput,
    int TimeoutSeconds,
    double? Cpus,
    int? MemoryMb,
    int Retries,
    bool RetryOnFailure,
    IReadOnlyDictionary<string, string>? Labels,
    string Submitter,
    string? IdempotencyKey);
