namespace Actors.GrainInterfaces.Coordination.Elections;

/// <summary>An election as it is.</summary>
/// <param name="Name">The election's name.</param>
/// <param name="Leader">The leader, or null when there is none.</param>
/// <param name="Candidates">Sessions waiting to lead, first first.</param>
/// <param name="Version">Grows with every change observers see (new leader, proclaim, no leader).</param>
public sealed record ElectionState(string Name, LeaderInfo? Leader, IReadOnlyList<string> Candidates, long Version);
