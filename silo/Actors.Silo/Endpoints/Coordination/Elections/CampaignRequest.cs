namespace Actors.Silo.Endpoints.Coordination.Elections;

/// <summary>The body of <c>POST /v1/elections/{name}/campaign</c>.</summary>
/// <param name="Session">The candidate's session (its end ends the candidacy or leadership).</param>
/// <param name="Value">The value the leader proclaims (an address, a name).</param>
/// <param name="WaitSeconds">How long to wait to be elected (0 to 300; default 0 = try once).</param>
internal sealed record CampaignRequest(string? Session, string? Value, int? WaitSeconds);
