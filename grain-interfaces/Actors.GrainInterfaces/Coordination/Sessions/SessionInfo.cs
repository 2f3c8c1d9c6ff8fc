namespace Actors.GrainInterfaces.Coordination.Sessions;

/// <summary>A live session.</summary>
/// <param name="Id">The session id.</param>
/// <param name="Ttl">How long it lives without a keep-alive.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ExpiresAt">When it expires unless kept alive.</param>
/// <param name="Owner">Who created it, in the creator's words (for humans; may be null).</param>
public sealed record SessionInfo(string Id, TimeSpan Ttl, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string? Owner);
