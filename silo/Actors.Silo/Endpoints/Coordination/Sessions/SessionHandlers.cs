using System.Globalization;
using Actors.GrainInterfaces.Coordination.Sessions;
using Actors.Silo.Endpoints.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Silo.Endpoints.Coordination.Sessions;

/// <summary>The handlers of <c>/v1/sessions</c>.</summary>
internal static class SessionHandlers
{
    private static readonly int MinTtlSeconds = (int)SessionLimits.MinTtl.TotalSeconds;
    private static readonly int MaxTtlSeconds = (int)SessionLimits.MaxTtl.TotalSeconds;

    /// <summary><c>POST /v1/sessions</c>: creates a session with a new id.</summary>
    public static async Task<Results<Created<SessionResponse>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(request.Query, errors);
        var body = await CoordinationBodyParser.ReadAsync(request, CoordinationJsonContext.Default.CreateSessionRequest, errors, cancellationToken);
        if (body is not null)
        {
            if (body.TtlSeconds is not { } ttl)
            {
                errors.Add("ttlSeconds", "is required");
            }
            else if (ttl < MinTtlSeconds || ttl > MaxTtlSeconds)
            {
                errors.Add("ttlSeconds", $"must be between {MinTtlSeconds.ToString(CultureInfo.InvariantCulture)} and {MaxTtlSeconds.ToString(CultureInfo.InvariantCulture)}");
            }

            CoordinationInput.Text(body.Owner, "owner", SessionLimits.MaxOwnerLength, errors);
        }

        if (errors.Count > 0 || body is null)
        {
            return JobProblems.Invalid(errors);
        }

        var id = CoordinationInput.NewSessionId();
        var session = await grains.GetGrain<ISessionGrain>(id)
            .CreateAsync(TimeSpan.FromSeconds(body.TtlSeconds!.Value), body.Owner)
            .WaitAsync(cancellationToken);
        return TypedResults.Created("/v1/sessions/" + id, SessionResponse.From(session));
    }

    /// <summary><c>GET /v1/sessions/{id}</c>.</summary>
    public static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (Invalid(id, request) is { } problem)
        {
            return problem;
        }

        var session = await grains.GetGrain<ISessionGrain>(id).GetAsync().WaitAsync(cancellationToken);
        return session is null ? CoordinationProblems.UnknownSession(id) : TypedResults.Ok(SessionResponse.From(session));
    }

    /// <summary><c>PUT /v1/sessions/{id}/keepalive</c>: extends the session by its TTL from now.</summary>
    public static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> KeepAliveAsync(
        string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (Invalid(id, request) is { } problem)
        {
            return problem;
        }

        var session = await grains.GetGrain<ISessionGrain>(id).KeepAliveAsync().WaitAsync(cancellationToken);
        return session is null ? CoordinationProblems.UnknownSession(id) : TypedResults.Ok(SessionResponse.From(session));
    }

    /// <summary><c>DELETE /v1/sessions/{id}</c>: ends the session and releases what it holds.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> CloseAsync(
        string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (Invalid(id, request) is { } problem)
        {
            return problem;
        }

        var closed = await grains.GetGrain<ISessionGrain>(id).CloseAsync().WaitAsync(cancellationToken);
        return closed ? TypedResults.NoContent() : CoordinationProblems.UnknownSession(id);
    }

    private static ProblemHttpResult? Invalid(string id, HttpRequest request)
    {
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(request.Query, errors);
        CoordinationInput.SessionId(id, "id", errors);
        return errors.Count > 0 ? JobProblems.Invalid(errors) : null;
    }
}
