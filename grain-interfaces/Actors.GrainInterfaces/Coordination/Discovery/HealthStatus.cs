namespace Actors.GrainInterfaces.Coordination.Discovery;

/// <summary>An instance's health.</summary>
public enum HealthStatus
{
    /// <summary>Healthy: listed by discovery.</summary>
    Passing,

    /// <summary>Unhealthy (TTL not passed, HTTP probe failed, or not checked yet).</summary>
    Critical,
}
