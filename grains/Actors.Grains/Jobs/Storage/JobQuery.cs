using Actors.GrainInterfaces.Jobs;

namespace Actors.Grains.Jobs.Storage;

/// <summary>A listing request.</summary>
/// <param name="Status">Only jobs in this status, when set.</param>
/// <param name="LabelKey">Only jobs with this label, when set.</param>
/// <param name="LabelValue">With <see cref="LabelKey"/>: only jobs whose label has this value; null matches any value.</param>
/// <param name="Limit">The most jobs on the page (1 to 1000).</param>
/// <param name="Cursor">The <see cref="JobPage.NextCursor"/> of the previous page, or null for the first page.</param>
public sealed record JobQuery(JobStatus? Status, string? LabelKey, string? LabelValue, int Limit, string? Cursor);
