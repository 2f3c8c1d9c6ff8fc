using Actors.GrainInterfaces.Coordination.Elections;
using Actors.Silo.Api;
using Actors.Silo.Endpoints.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Actors.Silo.Endpoints.Coordination.Elections;

/// <summary>
/// <c>GET /v1/elections/{name}/observe</c>: one <c>leader</c> event per version of the election (id = version, data =
/// the state), from the current state or after <c>Last-Event-ID</c>, until the client goes away.
/// </summary>
internal static class ElectionObserveHandler
{
    /// <summary>The event name.</summary>
    public const string LeaderEvent = "leader";

    /// <summary>Handles the request.</summary>
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> HandleAsync(
        string name,
        HttpContext context,
        IGrainFactory grains,
        IOptions<ApiOptions> options,
        IOptions<HttpJsonOptions> json,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(context.Request.Query, errors);
        CoordinationInput.Name(name, "name", errors);
        var lastSeen = CoordinationInput.LastEventId(context.Request, errors) ?? -1;
        if (errors.Count > 0)
        {
            return JobProblems.Invalid(errors);
        }

        var election = grains.GetGrain<IElectionGrain>(name);
        var state = await election.GetAsync().WaitAsync(cancellationToken);
        await SnapshotEventStream.RunAsync(
            context,
            LeaderEvent,
            state,
            lastSeen,
            s => s.Version,
            election.ObserveAsync,
            SnapshotEventStream.SliceFor(options.Value.KeepAliveSeconds),
            json.Value.SerializerOptions,
            loggers.CreateLogger(typeof(ElectionObserveHandler).FullName!),
            "election " + name);
        return TypedResults.Empty;
    }
}
