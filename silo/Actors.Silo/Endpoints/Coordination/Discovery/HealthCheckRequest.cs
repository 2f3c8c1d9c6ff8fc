namespace Actors.Silo.Endpoints.Coordination.Discovery;

/// <summary>The <c>check</c> of a registration: a TTL the instance passes, or an HTTP URL the silo probes.</summary>
/// <param name="TtlSeconds">TTL check: critical unless passed within this many seconds.</param>
/// <param name="Http">HTTP check: an http:// URL on a loopback address; a 2xx answer is passing.</param>
/// <param name="IntervalSeconds">How often the HTTP check runs.</param>
/// <param name="TimeoutSeconds">How long one HTTP probe may take.</param>
/// <param name="DeregisterAfterSeconds">Remove the instance after it has been critical this long.</param>
internal sealed record HealthCheckRequest(int? TtlSeconds, string? Http, int? IntervalSeconds, int? TimeoutSeconds, int? DeregisterAfterSeconds);
