namespace Actors.GrainInterfaces.Coordination.Sessions;

/// <summary>Bounds on sessions.</summary>
public static class SessionLimits
{
    /// <summary>The shortest TTL.</summary>
    public static readonly TimeSpan MinTtl = TimeSpan.FromSeconds(1);

    /// <summary>The longest TTL.</summary>
    public static readonly TimeSpan MaxTtl = TimeSpan.FromHours(1);

    /// <summary>The longest owner label, in characters.</summary>
    public const int MaxOwnerLength = 256;
}
