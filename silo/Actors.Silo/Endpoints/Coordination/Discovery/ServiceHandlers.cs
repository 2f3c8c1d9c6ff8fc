using Actors.GrainInterfaces.Coordination.Discovery;
using Actors.Silo.Api;
using Actors.Silo.Endpoints.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Actors.Silo.Endpoints.Coordination.Discovery;

/// <summary>The handlers of <c>/v1/services/{name}</c>.</summary>
internal static class ServiceHandlers
{
    /// <summary>The event name of a snapshot in <c>GET /v1/services/{name}/watch</c>.</summary>
    public const string SnapshotEvent = "snapshot";

    private const string Healthy = "healthy";

    /// <summary><c>PUT /v1/services/{name}/instances/{id}</c>: registers (201) or replaces (200) an instance.</summary>
    public static async Task<Results<Created<ServiceSnapshot>, Ok<ServiceSnapshot>, ProblemHttpResult>> RegisterAsync(
        string name, string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(request.Query, errors);
        CoordinationInput.Name(name, "name", errors);
        CoordinationInput.Name(id, "id", errors);
        var body = await CoordinationBodyParser.ReadAsync(request, CoordinationJsonContext.Default.RegisterInstanceRequest, errors, cancellationToken);
        var registration = body is null ? null : ServiceRegistrationReader.Read(id, body, errors);
        if (errors.Count > 0 || registration is null)
        {
            return JobProblems.Invalid(errors);
        }

        var service = grains.GetGrain<IServiceGrain>(name);
        var outcome = await service.RegisterAsync(registration).WaitAsync(cancellationToken);
        if (outcome == ServiceRegistrationOutcome.SessionUnknown)
        {
            return CoordinationProblems.UnknownSession(registration.SessionId ?? string.Empty);
        }

        var snapshot = await service.GetAsync(healthyOnly: false).WaitAsync(cancellationToken);
        return outcome == ServiceRegistrationOutcome.Registered
            ? TypedResults.Created($"/v1/services/{Uri.EscapeDataString(name)}/instances/{Uri.EscapeDataString(id)}", snapshot)
            : TypedResults.Ok(snapshot);
    }

    /// <summary><c>DELETE /v1/services/{name}/instances/{id}</c>.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeregisterAsync(
        string name, string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (Invalid(name, id, request) is { } problem)
        {
            return problem;
        }

        return await grains.GetGrain<IServiceGrain>(name).DeregisterAsync(id).WaitAsync(cancellationToken)
            ? TypedResults.NoContent()
            : UnknownInstance(name, id);
    }

    /// <summary><c>PUT /v1/services/{name}/instances/{id}/pass</c>: a TTL-checked instance is passing for its TTL.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> PassAsync(
        string name, string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (Invalid(name, id, request) is { } problem)
        {
            return problem;
        }

        return await grains.GetGrain<IServiceGrain>(name).PassAsync(id).WaitAsync(cancellationToken)
            ? TypedResults.NoContent()
            : CoordinationProblems.NotFound(
                "The instance does not exist or has no TTL check.",
                $"Service '{name}' has no instance '{id}' with a TTL check.");
    }

    /// <summary><c>GET /v1/services/{name}?healthy=</c>: the (by default only passing) instances.</summary>
    public static async Task<Results<Ok<ServiceSnapshot>, ProblemHttpResult>> GetAsync(
        string name, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        var healthy = Read(name, request, errors);
        if (errors.Count > 0)
        {
            return JobProblems.Invalid(errors);
        }

        return TypedResults.Ok(await grains.GetGrain<IServiceGrain>(name).GetAsync(healthy).WaitAsync(cancellationToken));
    }

    /// <summary><c>GET /v1/services/{name}/watch?healthy=</c>: one <c>snapshot</c> event per version.</summary>
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> WatchAsync(
        string name,
        HttpContext context,
        IGrainFactory grains,
        IOptions<ApiOptions> options,
        IOptions<HttpJsonOptions> json,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        var healthy = Read(name, context.Request, errors);
        var lastSeen = CoordinationInput.LastEventId(context.Request, errors) ?? -1;
        if (errors.Count > 0)
        {
            return JobProblems.Invalid(errors);
        }

        var service = grains.GetGrain<IServiceGrain>(name);
        var snapshot = await service.GetAsync(healthy).WaitAsync(cancellationToken);
        await SnapshotEventStream.RunAsync(
            context,
            SnapshotEvent,
            snapshot,
            lastSeen,
            s => s.Version,
            (after, wait) => service.WatchAsync(after, healthy, wait),
            SnapshotEventStream.SliceFor(options.Value.KeepAliveSeconds),
            json.Value.SerializerOptions,
            loggers.CreateLogger(typeof(ServiceHandlers).FullName!),
            "service " + name);
        return TypedResults.Empty;
    }

    private static bool Read(string name, HttpRequest request, ErrorCollector errors)
    {
        QueryReader.RejectUnknown(request.Query, errors, Healthy);
        CoordinationInput.Name(name, "name", errors);
        return CoordinationInput.Bool(request.Query, Healthy, errors) ?? true;
    }

    private static ProblemHttpResult? Invalid(string name, string id, HttpRequest request)
    {
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(request.Query, errors);
        CoordinationInput.Name(name, "name", errors);
        CoordinationInput.Name(id, "id", errors);
        return errors.Count > 0 ? JobProblems.Invalid(errors) : null;
    }

    private static ProblemHttpResult UnknownInstance(string name, string id) =>
        CoordinationProblems.NotFound("The instance is not registered.", $"Service '{name}' has no instance '{id}'.");
}
