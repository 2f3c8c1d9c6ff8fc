namespace Actors.GrainInterfaces.Coordination.Discovery;

/// <summary>How an instance's health is judged: by TTL (the instance passes it) or over HTTP (the grain probes it).</summary>
/// <param name="Ttl">TTL check: the instance is critical unless it passed within this long.</param>
/// <param name="HttpUrl">HTTP check: an http:// URL on a loopback address, probed every <paramref name="Interval"/>; 2xx = passing.</param>
/// <param name="Interval">How often the HTTP check runs.</param>
/// <param name="Timeout">How long one HTTP probe may take.</param>
/// <param name="DeregisterAfter">Remove the instance after it has been critical this long; null keeps it.</param>
public sealed record HealthCheck(TimeSpan? Ttl, string? HttpUrl, TimeSpan? Interval, TimeSpan? Timeout, TimeSpan? DeregisterAfter);
