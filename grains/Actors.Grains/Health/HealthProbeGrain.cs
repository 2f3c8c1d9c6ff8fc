using Actors.GrainInterfaces.Health;

namespace Actors.Grains.Health;

/// <summary>Answers a health check from the silo it runs on (a local stateless worker: never placed elsewhere).</summary>
[StatelessWorker(1)]
public sealed class HealthProbeGrain(TimeProvider time) : Grain, IHealthProbeGrain
{
    private readonly TimeProvider _time = time;

    /// <inheritdoc />
    public Task<HealthProbeResult> CheckAsync() => Task.FromResult(new HealthProbeResult(RuntimeIdentity, _time.GetUtcNow()));
}
