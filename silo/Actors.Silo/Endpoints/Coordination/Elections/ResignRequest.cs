namespace Actors.Silo.Endpoints.Coordination.Elections;

/// <summary>The body of <c>POST /v1/elections/{name}/resign</c>.</summary>
/// <param name="Session">The leader's or candidate's session.</param>
/// <param name="Term">The term being given up.</param>
internal sealed record ResignRequest(string? Session, long? Term);
