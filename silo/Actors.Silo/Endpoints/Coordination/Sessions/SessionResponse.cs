using Actors.GrainInterfaces.Coordination.Sessions;

namespace Actors.Silo.Endpoints.Coordination.Sessions;

/// <summary>A live session as the API answers it.</summary>
/// <param name="Id">The session id.</param>
/// <param name="TtlSeconds">Its TTL in seconds.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ExpiresAt">When it ends unless kept alive.</param>
/// <param name="Owner">Who holds it (may be null).</param>
internal sealed record SessionResponse(string Id, double TtlSeconds, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string? Owner)
{
    /// <summary>The API's view of <paramref name="session"/>.</summary>
    public static SessionResponse From(SessionInfo session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new SessionResponse(session.Id, session.Ttl.TotalSeconds, session.CreatedAt, session.ExpiresAt, session.Owner);
    }
}
