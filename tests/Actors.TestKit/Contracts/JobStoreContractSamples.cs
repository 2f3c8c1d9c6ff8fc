using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.GrainInterfaces.Jobs;
using Actors.GrainInterfaces.Serialization;

namespace Actors.TestKit.Contracts;

/// <summary>Jobs for the job store contract, and a way to compare them field by field.</summary>
internal static class JobStoreContractSamples
{
    /// <summary>A fixed instant with an offset and sub-microsecond ticks: any store that rounds or normalizes it shows.</summary>
    public static readonly DateTimeOffset Epoch = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);

    /// <summary>A minimal job: queued, no attempts, the given labels.</summary>
    public static JobSnapshot Job(string id, DateTimeOffset createdAt, JobStatus status = JobStatus.Queued, IReadOnlyDictionary<string, string>? labels = null, long version = 1) =>
        new(
            id,
            status,
            new JobSpec("actors/cat:latest", null, null, 0, null, 300, null, null, 3, false, labels, "alice", null),
            createdAt,
            createdAt,
            status.IsFinal() ? createdAt.AddSeconds(1) : null,
            [],
            null,
            null,
            null,
            null,
            false,
            null,
            null,
            version);

    /// <summary>A job with every field set, values chosen to catch lossy storage (non-ASCII text, every byte value, offsets, long extremes).</summary>
    public static JobSnapshot Rich(string id, JobStatus status = JobStatus.Running, AttemptOutcome outcome = AttemptOutcome.InfrastructureError)
    {
        var input = new byte[1024];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (byte)(i * 7);
        }

        var spec = new JobSpec(
            "registry.local/actors/resize:1.2",
            ["/bin/resize", "--width", "640", "naïve \"quoted\" ✓"],
            new Dictionary<string, string> { ["Z_LAST"] = "z", ["A_FIRST"] = "ä ö ü", ["EMPTY"] = string.Empty },
            input.Length,
            input,
            600,
            1.5,
            512,
            2,
            true,
            new Dictionary<string, string> { ["team"] = "imaging", ["env"] = "prod", ["emoji"] = "🚀" },
            "bob@example",
            "idem-" + id);
        JobAttempt[] attempts =
        [
            new(1, "node-a", Epoch.AddSeconds(1), Epoch.AddSeconds(2), Epoch.AddSeconds(3), null, outcome, "node died"),
            new(2, "node-b", Epoch.AddSeconds(10).ToOffset(TimeSpan.FromHours(-5)), Epoch.AddSeconds(11), null, -1, null, null),
        ];
        return new JobSnapshot(
            id,
            status,
            spec,
            Epoch,
            Epoch.AddMinutes(1).AddTicks(3),
            status.IsFinal() ? Epoch.AddMinutes(2) : null,
            attempts,
            "node-b",
            137,
            "line 1\nline 2 — ∑",
            long.MaxValue - 1,
            true,
            "retrying after node-a died",
            Epoch.AddMinutes(5),
            long.MaxValue - 7);
    }

    /// <summary>
    /// The job as JSON with object keys sorted: equal descriptions mean equal jobs, field by field, whatever order a
    /// store gives dictionary entries back in.
    /// </summary>
    public static string Describe(JobSnapshot? job) =>
        job is null ? "null" : Canonical(JsonSerializer.SerializeToNode(job, GrainInterfacesJsonContext.Default.JobSnapshot))?.ToJsonString() ?? "null";

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonical)]),
        _ => node?.DeepClone(),
    };
}
