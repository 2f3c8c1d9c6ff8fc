namespace Actors.Client.Http;

/// <summary>
/// A job to submit with <see cref="ActorsHttpClient.SubmitAsync"/>; mirrors the JSON body of <c>POST /v1/jobs</c>.
/// Unset properties take the server's defaults.
/// </summary>
/// <param name="Image">The container image, <c>[registry/]name[:tag][@digest]</c> with a lower-case name.</param>
public sealed record JobSubmission(string Image)
{
    /// <summary>The command and arguments; null for the image's default.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Environment variables; names match <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    public IReadOnlyDictionary<string, string>? Env { get; init; }

    /// <summary>Standard input as text (sent as UTF-8); not together with <see cref="InputBase64"/>.</summary>
    public string? Input { get; init; }

    /// <summary>Standard input as base64 bytes; not together with <see cref="Input"/>. See <see cref="WithInput"/>.</summary>
    public string? InputBase64 { get; init; }

    /// <summary>The wall-clock limit of one attempt, 1 to 86400 seconds; the server's default is 300.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>CPUs (fractions allowed), more than 0 and at most 64; default: the node's.</summary>
    public double? Cpus { get; init; }

    /// <summary>The memory limit in MiB, 4 to 1048576; default: the node's.</summary>
    public int? MemoryMb { get; init; }

    /// <summary>Retries after infrastructure failures, 0 to 10; the server's default is 3.</summary>
    public int? Retries { get; init; }

    /// <summary>Whether a non-zero exit is retried too; default false.</summary>
    public bool? RetryOnFailure { get; init; }

    /// <summary>At most 32 labels, for listing; keys 1 to 63 characters of <c>[A-Za-z0-9._/-]</c>, values at most 256 characters.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>This submission with <paramref name="input"/> (any bytes) as standard input.</summary>
    public JobSubmission WithInput(ReadOnlySpan<byte> input) => this with { Input = null, InputBase64 = Convert.ToBase64String(input) };
}
