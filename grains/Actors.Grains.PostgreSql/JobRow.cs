using System.Buffers;
using System.Text;
using System.Text.Json;
using Actors.GrainInterfaces.Jobs;
using Actors.GrainInterfaces.Serialization;
using Actors.Grains.Jobs.Storage;

namespace Actors.Grains.PostgreSql;

/// <summary>
/// One <c>actors_jobs</c> row, serialized by the caller before it queues (so the JSON work is spread over callers,
/// not done by the writers): the snapshot as JSON plus the columns listings filter and sort on.
/// </summary>
internal sealed record JobRow(string Id, string Status, string Submitter, DateTime CreatedAt, DateTime UpdatedAt, long Version, string Labels, string Body)
{
    /// <summary>Roughly the bytes this row sends (JSON is mostly ASCII): what bounds a batch's size.</summary>
    public long PayloadBytes => Body.Length + Labels.Length + Id.Length;

    /// <summary>The row of <paramref name="job"/> (validated by the caller).</summary>
    public static JobRow From(JobSnapshot job) => new(
        job.Id,
        job.Status.ToString(),
        job.Spec.Submitter,
        JobCursor.FromMicroseconds(JobCursor.ToMicroseconds(job.CreatedAt)),
        JobCursor.FromMicroseconds(JobCursor.ToMicroseconds(job.UpdatedAt)),
        job.Version,
        LabelsJson(job.Spec.Labels),
        JsonSerializer.Serialize(job, GrainInterfacesJsonContext.Default.JobSnapshot));

    /// <summary>The body column read back as a snapshot.</summary>
    public static JobSnapshot ReadBody(string json) =>
        JsonSerializer.Deserialize(json, GrainInterfacesJsonContext.Default.JobSnapshot)
        ?? throw new InvalidOperationException("A stored job body reads as JSON null.");

    private static string LabelsJson(IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is null || labels.Count == 0)
        {
            return "{}";
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in labels)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
