using Actors.GrainInterfaces.Jobs;

namespace Actors.Client.Http;

/// <summary>One page of <see cref="ActorsHttpClient.ListAsync"/>, newest first.</summary>
/// <param name="Jobs">The jobs on this page.</param>
/// <param name="NextCursor">Pass to the next call for the next page; null on the last page.</param>
public sealed record JobList(IReadOnlyList<JobSnapshot> Jobs, string? NextCursor);
