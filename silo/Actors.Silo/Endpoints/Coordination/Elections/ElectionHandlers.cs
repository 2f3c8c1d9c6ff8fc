using System.Globalization;
using Actors.GrainInterfaces.Coordination.Elections;
using Actors.Silo.Endpoints.Coordination.Locks;
using Actors.Silo.Endpoints.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Silo.Endpoints.Coordination.Elections;

/// <summary>The handlers of <c>/v1/elections/{name}</c> (the observe stream is <see cref="ElectionObserveHandler"/>).</summary>
internal static class ElectionHandlers
{
    private static readonly int MaxWaitSeconds = (int)Actors.GrainInterfaces.Coordination.Locks.LockLimits.MaxWait.TotalSeconds;

    /// <summary><c>POST /v1/elections/{name}/campaign</c>: waits up to <c>waitSeconds</c> to lead.</summary>
    public static async Task<Results<Ok<LeaderInfo>, ProblemHttpResult>> CampaignAsync(
        string name, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(request.Query, errors);
        CoordinationInput.Name(name, "name", errors);
        var body = await CoordinationBodyParser.ReadAsync(request, CoordinationJsonContext.Default.CampaignRequest, errors, cancellationToken);
        if (body is not null)
        {
            CoordinationInput.SessionId(body.Session, "session", errors);
            if (body.Value is null)
            {
                errors.Add("value", "is required: what the leader proclaims (may be empty)");
            }

            CoordinationInput.Text(body.Value, "value", CoordinationInput.MaxTextLength, errors);
            if (body.WaitSeconds is < 0 || body.WaitSeconds > MaxWaitSeconds)
            {
                errors.Add("waitSeconds", $"must be between 0 and {MaxWaitSeconds.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        if (errors.Count > 0 || body is null)
        {
            return JobProblems.Invalid(errors);
        }

        var wait = TimeSpan.FromSeconds(body.WaitSeconds ?? 0);
        var result = await grains.GetGrain<IElectionGrain>(name).WithResponseTimeout(wait + LockHandlers.CallMargin)
            .CampaignAsync(body.Session!, body.Value!, wait)
            .WaitAsync(cancellationToken);
        return result.Outcome switch
        {
            CampaignOutcome.Elected when result.Leader is not null => TypedResults.Ok(result.Leader),
            CampaignOutcome.SessionUnknown => CoordinationProblems.UnknownSession(body.Session!),
            _ => CoordinationProblems.Conflict(
                "Another candidate leads.",
                result.Detail ?? "The session was not elected within the wait.",
                new Dictionary<string, object?> { ["leader"] = result.Leader }),
        };
    }

    /// <summary><c>POST /v1/elections/{name}/resign</c>.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ResignAsync(
        string name, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(request.Query, errors);
        CoordinationInput.Name(name, "name", errors);
        var body = await CoordinationBodyParser.ReadAsync(request, CoordinationJsonContext.Default.ResignRequest, errors, cancellationToken);
        if (body is not null)
        {
            CoordinationInput.SessionId(body.Session, "session", errors);
            Term(body.Term, errors);
        }

        if (errors.Count > 0 || body is null)
        {
            return JobProblems.Invalid(errors);
        }

        var resigned = await grains.GetGrain<IElectionGrain>(name).ResignAsync(body.Session!, body.Term!.Value).WaitAsync(cancellationToken);
        return resigned
            ? TypedResults.NoContent()
            : CoordinationProblems.Conflict("The session does not lead that term.", $"Session '{body.Session}' neither leads term {body.Term.Value.ToString(CultureInfo.InvariantCulture)} of '{name}' nor is a candidate.");
    }

    /// <summary><c>POST /v1/elections/{name}/proclaim</c>: the leader sets a new value.</summary>
    public static async Task<Results<Ok<ElectionState>, ProblemHttpResult>> ProclaimAsync(
        string name, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(request.Query, errors);
        CoordinationInput.Name(name, "name", errors);
        var body = await CoordinationBodyParser.ReadAsync(request, CoordinationJsonContext.Default.ProclaimRequest, errors, cancellationToken);
        if (body is not null)
        {
            CoordinationInput.SessionId(body.Session, "session", errors);
            Term(body.Term, errors);
            if (body.Value is null)
            {
                errors.Add("value", "is required");
            }

            CoordinationInput.Text(body.Value, "value", CoordinationInput.MaxTextLength, errors);
        }

        if (errors.Count > 0 || body is null)
        {
            return JobProblems.Invalid(errors);
        }

        var election = grains.GetGrain<IElectionGrain>(name);
        var proclaimed = await election.ProclaimAsync(body.Session!, body.Term!.Value, body.Value!).WaitAsync(cancellationToken);
        return proclaimed
            ? TypedResults.Ok(await election.GetAsync().WaitAsync(cancellationToken))
            : CoordinationProblems.Conflict("The session does not lead that term.", $"Session '{body.Session}' does not lead term {body.Term.Value.ToString(CultureInfo.InvariantCulture)} of '{name}'.");
    }

    /// <summary><c>GET /v1/elections/{name}</c>.</summary>
    public static async Task<Results<Ok<ElectionState>, ProblemHttpResult>> GetAsync(
        string name, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(request.Query, errors);
        CoordinationInput.Name(name, "name", errors);
        if (errors.Count > 0)
        {
            return JobProblems.Invalid(errors);
        }

        return TypedResults.Ok(await grains.GetGrain<IElectionGrain>(name).GetAsync().WaitAsync(cancellationToken));
    }

    private static void Term(long? term, ErrorCollector errors)
    {
        if (term is null)
        {
            errors.Add("term", "is required: the term the campaign answered");
        }
        else if (term < 1)
        {
            errors.Add("term", "must be a positive integer");
        }
    }
}
