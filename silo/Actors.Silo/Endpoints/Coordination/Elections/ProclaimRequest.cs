namespace Actors.Silo.Endpoints.Coordination.Elections;

/// <summary>The body of <c>POST /v1/elections/{name}/proclaim</c>.</summary>
/// <param name="Session">The leader's session.</param>
/// <param name="Term">The leader's term.</param>
/// <param name="Value">The new value.</param>
internal sealed record ProclaimRequest(string? Session, long? Term, string? Value);
