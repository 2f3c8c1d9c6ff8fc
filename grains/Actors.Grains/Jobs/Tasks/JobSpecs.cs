using Actors.GrainInterfaces.Jobs;

namespace Actors.Grains.Jobs.Tasks;

/// <summary>Compares submissions: a repeated idempotency key must carry the same request to get the same job.</summary>
internal static class JobSpecs
{
    /// <summary>Whether two specs describe the same submission (same image, command, environment, input, limits and labels).</summary>
    public static bool SameSubmission(JobSpec a, JobSpec b) =>
        string.Equals(a.Image, b.Image, StringComparison.Ordinal)
        && SameList(a.Command, b.Command)
        && SameMap(a.Env, b.Env)
        && a.InputLength == b.InputLength
        && (a.InlineInput ?? []).AsSpan().SequenceEqual(b.InlineInput ?? [])
        && a.TimeoutSeconds == b.TimeoutSeconds
        && a.Cpus == b.Cpus
        && a.MemoryMb == b.MemoryMb
        && a.Retries == b.Retries
        && a.RetryOnFailure == b.RetryOnFailure
        && SameMap(a.Labels, b.Labels)
        && string.Equals(a.Submitter, b.Submitter, StringComparison.Ordinal);

    private static bool SameList(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        (a ?? []).SequenceEqual(b ?? [], StringComparer.Ordinal);

    private static bool SameMap(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b)
    {
        a ??= new Dictionary<string, string>();
        b ??= new Dictionary<string, string>();
        return a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));
    }
}
