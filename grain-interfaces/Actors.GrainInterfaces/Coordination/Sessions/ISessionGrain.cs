namespace Actors.GrainInterfaces.Coordination.Sessions;

/// <summary>
/// One session (key = session id), the equivalent of a ZooKeeper session or an etcd lease: created with a TTL, kept
/// alive by its client, and when it expires or is closed every resource bound to it is told at once (held locks,
/// queued lock requests, candidacies, ephemeral keys, service instances). The session itself is durable; keep-alives
/// are not: after a failover or a restart a session gets a full TTL from its reactivation (as etcd leases do).
/// </summary>
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>Creates the session (persisted before this returns). Repeating it for a live session answers that session.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The TTL is outside <see cref="SessionLimits"/>.</exception>
    Task<SessionInfo> CreateAsync(TimeSpan ttl, string? owner);

    /// <summary>Extends the session by its TTL from now; null when the session is unknown, expired or closed.</summary>
    Task<SessionInfo?> KeepAliveAsync();

    /// <summary>Ends the session and releases what is bound to it; false when it was unknown or had already ended.</summary>
    Task<bool> CloseAsync();

    /// <summary>The live session, or null when it is unknown, expired or closed.</summary>
    [ReadOnly]
    Task<SessionInfo?> GetAsync();

    /// <summary>
    /// A resource binds itself to the session (idempotent; resources repeat it while they hold something of the session,
    /// which also re-binds them after the session's grain moved). False when the session is unknown or has ended:
    /// the resource must then not grant anything to it.
    /// </summary>
    Task<bool> AttachAsync(SessionBinding binding);

    /// <summary>The resource holds nothing of the session any more.</summary>
    Task DetachAsync(SessionBinding binding);
}
