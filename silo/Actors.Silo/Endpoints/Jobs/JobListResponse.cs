using Actors.GrainInterfaces.Jobs;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>What <c>GET /v1/jobs</c> answers: a page of jobs, newest first.</summary>
/// <param name="Jobs">The jobs on this page.</param>
/// <param name="NextCursor">The <c>cursor</c> for the next page, or null on the last page.</param>
internal sealed record JobListResponse(IReadOnlyList<JobSnapshot> Jobs, string? NextCursor);
