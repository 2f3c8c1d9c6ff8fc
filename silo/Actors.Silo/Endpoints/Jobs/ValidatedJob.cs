namespace Actors.Silo.Endpoints.Jobs;

/// <summary>A submission that passed <see cref="JobRequestValidator"/>: defaults applied, input decoded.</summary>
/// <param name="Image">The image reference as given.</param>
/// <param name="Command">The command, or null for the image's default.</param>
/// <param name="Env">Environment variables, or null.</param>
/// <param name="Input">The standard input bytes (empty when none).</param>
/// <param name="TimeoutSeconds">The attempt timeout.</param>
/// <param name="Cpus">CPUs, or null for the node's default.</param>
/// <param name="MemoryMb">Memory in MiB, or null for the node's default.</param>
/// <param name="Retries">Retries after infrastructure failures.</param>
/// <param name="RetryOnFailure">Whether a non-zero exit is retried.</param>
/// <param name="Labels">Labels, or null.</param>
internal sealed record ValidatedJob(
    string Image,
    IReadOnlyList<string>? Command,
    IReadOnlyDictionary<string, string>? Env,
    byte[] Input,
    int TimeoutSeconds,
    double? Cpus,
    int? MemoryMb,
    int Retries,
    bool RetryOnFailure,
    IReadOnlyDictionary<string, string>? Labels);
