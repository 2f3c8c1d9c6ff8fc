using System.Globalization;
using System.Text.Json;

namespace Actors.Benchmarks.Jobs;

/// <summary>
/// Where one synchronous run's time went, from the job's own timestamps (same machine, same clock) between the
/// moment the client sent the request and the moment it had the answer. Milliseconds.
/// </summary>
/// <param name="Accept">Request sent → job accepted (HTTP, validation, node check, Task grain activation, insert).</param>
/// <param name="Assign">Accepted → attempt assigned to a node (enqueue, dispatch, Assign persisted).</param>
/// <param name="Start">Assigned → container started (node start call, container create, attach, start).</param>
/// <param name="Run">Container started → container ended, as the node saw it.</param>
/// <param name="Complete">Container ended → job final (output stored, result reported and persisted).</param>
/// <param name="Answer">Job final → client has the answer (watch wake-up, output read, HTTP).</param>
internal sealed record JobTimeline(double Accept, double Assign, double Start, double Run, double Complete, double Answer)
{
    /// <summary>The phases' names, in order.</summary>
    public static readonly string[] Names = ["accept", "assign", "start", "run", "complete", "answer"];

    /// <summary>The phases, in the order of <see cref="Names"/>.</summary>
    public double[] Phases => [Accept, Assign, Start, Run, Complete, Answer];

    /// <summary>Reads the phases from a final job's JSON (<c>GET /v1/jobs/{id}</c>).</summary>
    public static JobTimeline From(JsonElement job, DateTimeOffset sent, DateTimeOffset answered)
    {
        var attempt = job.GetProperty("attempts")[0];
        var created = Time(job, "createdAt");
        var scheduled = Time(attempt, "scheduledAt");
        var started = Time(attempt, "startedAt");
        var ended = Time(attempt, "finishedAt");
        var final = Time(job, "finishedAt");
        return new JobTimeline(
            Millis(sent, created), Millis(created, scheduled), Millis(scheduled, started), Millis(started, ended), Millis(ended, final), Millis(final, answered));
    }

    /// <summary>The median of each phase over <paramref name="timelines"/>, as "name 12.3" pairs.</summary>
    public static string Medians(IReadOnlyList<JobTimeline> timelines) =>
        string.Join(", ", Names.Select((name, i) => string.Create(CultureInfo.InvariantCulture, $"{name} {Percentiles.Median(timelines.Select(t => t.Phases[i])):N1}")));

    private static DateTimeOffset Time(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetDateTimeOffset()
            : throw new InvalidOperationException($"The job has no '{name}': {element}");

    private static double Millis(DateTimeOffset from, DateTimeOffset to) => (to - from).TotalMilliseconds;
}
