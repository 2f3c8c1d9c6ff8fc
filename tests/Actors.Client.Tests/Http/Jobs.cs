using System.Text.Json;
using Actors.Client.Http;
using Actors.GrainInterfaces.Jobs;

namespace Actors.Client.Tests.Http;

/// <summary>Job snapshots and their JSON as the API sends them.</summary>
internal static class Jobs
{
    public static JobSnapshot Snapshot(string id = "j-1", JobStatus status = JobStatus.Queued, long version = 1, int? exitCode = null) => new(
        id,
        status,
        new JobSpec("busybox", ["echo", "hi"], null, 0, null, 300, null, null, 3, false, new Dictionary<string, string> { ["team"] = "a" }, "alice", null),
        DateTimeOffset.UnixEpoch,
        DateTimeOffset.UnixEpoch,
        status.IsFinal() ? DateTimeOffset.UnixEpoch : null,
        [],
        null,
        exitCode,
        null,
        null,
        false,
        null,
        null,
        version);

    public static string Json(JobSnapshot job) => JsonSerializer.Serialize(job, ActorsHttpClient.JsonOptions);
}
