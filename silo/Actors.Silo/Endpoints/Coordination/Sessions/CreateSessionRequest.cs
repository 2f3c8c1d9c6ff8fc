namespace Actors.Silo.Endpoints.Coordination.Sessions;

/// <summary>The body of <c>POST /v1/sessions</c>.</summary>
/// <param name="TtlSeconds">The session's TTL: it ends unless kept alive within this long (1 to 3600).</param>
/// <param name="Owner">Who holds the session, in the caller's words (optional).</param>
internal sealed record CreateSessionRequest(int? TtlSeconds, string? Owner);
