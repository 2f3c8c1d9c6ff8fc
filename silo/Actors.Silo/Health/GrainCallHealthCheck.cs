using Actors.GrainInterfaces.Health;
using Actors.Runtime.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.Silo.Health;

/// <summary>Healthy when a grain call through this silo's runtime completes within the check's deadline.</summary>
internal sealed class GrainCallHealthCheck(IGrainFactory grains, ILocalSiloDetails silo) : IHealthCheck
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private readonly IGrainFactory _grains = grains;
    private readonly ILocalSiloDetails _silo = silo;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var probe = _grains.GetGrain<IHealthProbeGrain>(_silo.SiloName).WithResponseTimeout(Deadline);
            var answer = await probe.CheckAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"A grain turn ran on {answer.Silo}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("A grain call through this silo failed.", ex);
        }
    }
}
