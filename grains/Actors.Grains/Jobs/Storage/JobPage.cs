using Actors.GrainInterfaces.Jobs;

namespace Actors.Grains.Jobs.Storage;

/// <summary>One page of a listing, newest first.</summary>
/// <param name="Jobs">The jobs.</param>
/// <param name="NextCursor">An opaque cursor for the next page, or null on the last page.</param>
public sealed record JobPage(IReadOnlyList<JobSnapshot> Jobs, string? NextCursor);
