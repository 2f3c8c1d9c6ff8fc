using Actors.Runtime.Hosting;
using Actors.Silo.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Actors.Silo.Endpoints;

/// <summary>The silo's own status: <c>/v1/silo</c>, and <c>/healthz</c> for load balancers and orchestrators.</summary>
public static class SiloEndpoints
{
    /// <summary>Maps the silo status and health endpoints.</summary>
    public static IEndpointRouteBuilder MapSiloEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/silo", GetStatus).WithName("GetSiloStatus").WithTags("Silo");
        endpoints.MapHealthChecks("/healthz").WithName("Health");
        return endpoints;
    }

    private static Ok<SiloStatusResponse> GetStatus(ILocalSiloDetails silo, IRuntimeStatistics statistics, IOptions<SiloStorageOptions> storage) =>
        TypedResults.Ok(new SiloStatusResponse(
            silo.ClusterId,
            silo.NodeName,
            silo.SiloAddress.ToString(),
            storage.Value.Provider.ToString().ToLowerInvariant(),
            statistics.ActivationCount,
            statistics.PendingCalls,
            statistics.StartedAt));
}
