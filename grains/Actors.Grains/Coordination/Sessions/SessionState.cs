namespace Actors.Grains.Coordination.Sessions;

/// <summary>A session's durable row: stored while the session lives, cleared when it ends. Keep-alives are not stored.</summary>
internal sealed class SessionState
{
    /// <summary>How long the session lives without a keep-alive.</summary>
    public TimeSpan Ttl { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who created it.</summary>
    public string? Owner { get; set; }
}
