namespace Actors.Silo.Endpoints.Jobs;

/// <summary>
/// The JSON body of <c>POST /v1/jobs</c>. Everything is optional for the parser so that the validator, not the
/// deserializer, names what is missing or wrong (<see cref="JobRequestValidator"/>).
/// </summary>
/// <param name="Image">The container image reference, <c>[registry/]name[:tag][@digest]</c>. Required.</param>
/// <param name="Command">The command and arguments; null or empty for the image's default.</param>
/// <param name="Env">Environment variables; names match <c>[A-Za-z_][A-Za-z0-9_]*</c>.</param>
/// <param name="Input">Standard input as UTF-8 text (not together with <paramref name="InputBase64"/>).</param>
/// <param name="InputBase64">Standard input as base64 bytes (not together with <paramref name="Input"/>).</param>
/// <param name="TimeoutSeconds">Wall-clock limit of one attempt, 1 to 86400; default 300.</param>
/// <param name="Cpus">CPUs, more than 0 and at most 64; default: the node's.</param>
/// <param name="MemoryMb">Memory limit in MiB, 4 to 1048576; default: the node's.</param>
/// <param name="Retries">Retries after infrastructure failures, 0 to 10; default 3.</param>
/// <param name="RetryOnFailure">Whether a non-zero exit is retried too; default false.</param>
/// <param name="Labels">At most 32 labels; keys 1 to 63 characters of <c>[A-Za-z0-9._/-]</c>, values at most 256 characters.</param>
internal sealed record SubmitJobRequest(
    string? Image,
    IReadOnlyList<string?>? Command,
    IReadOnlyDictionary<string, string?>? Env,
    string? Input,
    string? InputBase64,
    int? TimeoutSeconds,
    double? Cpus,
    int? MemoryMb,
    int? Retries,
    bool? RetryOnFailure,
    IReadOnlyDictionary<string, string?>? Labels);
