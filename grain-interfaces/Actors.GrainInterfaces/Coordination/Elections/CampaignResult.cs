namespace Actors.GrainInterfaces.Coordination.Elections;

/// <summary>How a campaign ended.</summary>
/// <param name="Outcome">Elected, or why not.</param>
/// <param name="Leader">The leadership won (term, value) when elected.</param>
/// <param name="Detail">Why not, in words.</param>
public sealed record CampaignResult(CampaignOutcome Outcome, LeaderInfo? Leader, string? Detail);
