namespace Actors.GrainInterfaces.Health;

/// <summary>
/// Answers health checks through a real grain turn: if it answers, the silo can accept, schedule and run
/// grain calls. Keyed by silo name; a stateless worker, so it always runs on the silo that calls it.
/// </summary>
public interface IHealthProbeGrain : IGrainWithStringKey
{
    /// <summary>The answering silo's identity and when it answered.</summary>
    Task<HealthProbeResult> CheckAsync();
}
