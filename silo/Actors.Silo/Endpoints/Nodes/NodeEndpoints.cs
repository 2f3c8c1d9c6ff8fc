using Actors.GrainInterfaces.Jobs;
using Actors.Silo.Endpoints.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Silo.Endpoints.Nodes;

/// <summary>The executor nodes: <c>GET /v1/nodes</c>.</summary>
public static class NodeEndpoints
{
    /// <summary>Maps the node endpoints.</summary>
    public static IEndpointRouteBuilder MapNodeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/v1/nodes", ListAsync)
            .WithName("ListNodes")
            .WithSummary("List the executor nodes")
            .WithDescription("Each node's capacity, free capacity, running attempts, images and liveness, as the scheduler last heard them.")
            .WithTags("Nodes")
            .AddEndpointFilter<JobApiExceptionFilter>()
            .Produces<NodeListResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<Ok<NodeListResponse>> ListAsync(IGrainFactory grains, CancellationToken cancellationToken)
    {
        var nodes = await grains.GetGrain<IJobSchedulerGrain>(IJobSchedulerGrain.DefaultKey).GetNodesAsync().WaitAsync(cancellationToken);
        return TypedResults.Ok(new NodeListResponse(nodes));
    }
}
