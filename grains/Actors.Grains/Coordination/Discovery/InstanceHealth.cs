using Actors.GrainInterfaces.Coordination.Discovery;

namespace Actors.Grains.Coordination.Discovery;

/// <summary>One registered instance and its health as this activation observed it (in memory only).</summary>
internal sealed class InstanceHealth(ServiceRegistration registration, HealthStatus status, string? output, DateTimeOffset since)
{
    public ServiceRegistration Registration { get; } = registration;

    public HealthStatus Status { get; private set; } = status;

    public string? Output { get; private set; } = output;

    public DateTimeOffset StatusSince { get; private set; } = since;

    /// <summary>When a TTL check was last passed (grain clock); null before the first pass.</summary>
    public DateTimeOffset? LastPass { get; set; }

    /// <summary>Sets the status; true when it changed (the output alone does not count as a change).</summary>
    public bool Set(HealthStatus status, string? output, DateTimeOffset now)
    {
        Output = output;
        if (status == Status)
        {
            return false;
        }

        Status = status;
        StatusSince = now;
        return true;
    }

    public ServiceInstance ToInstance() => new(Registration, Status, Output, StatusSince);

    /// <summary>The health a new registration, or a stored one after a reactivation, starts with.</summary>
    public static InstanceHealth Initial(ServiceRegistration registration, DateTimeOffset now, string reason) =>
        registration.Check is null
            ? new InstanceHealth(registration, HealthStatus.Passing, null, now)
            : new InstanceHealth(registration, HealthStatus.Critical, reason, now);
}
