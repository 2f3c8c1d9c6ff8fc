using System.Globalization;
using Actors.GrainInterfaces.Coordination.Locks;
using Actors.Silo.Endpoints.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Silo.Endpoints.Coordination.Locks;

/// <summary>The handlers of <c>/v1/locks/{name}</c> and <c>/v1/semaphores/{name}</c>.</summary>
internal static class LockHandlers
{
    /// <summary>How much longer than the wait a grain call may take before it is given up.</summary>
    public static readonly TimeSpan CallMargin = TimeSpan.FromSeconds(10);

    private const string Session = "session";
    private const string Wait = "wait";
    private const string Owner = "owner";
    private const string Token = "token";
    private static readonly int MaxWaitSeconds = (int)LockLimits.MaxWait.TotalSeconds;
    private static readonly int MaxLockDelaySeconds = (int)LockLimits.MaxLockDelay.TotalSeconds;

    /// <summary><c>POST /v1/locks/{name}</c>: acquires the lock for a session, waiting up to <c>wait</c> seconds.</summary>
    public static async Task<Results<Ok<LockGrantResponse>, ProblemHttpResult>> AcquireLockAsync(
        string name, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(query, errors, Session, Wait, "mode", Owner, "lockDelay");
        var (session, wait, owner) = Common(name, query, errors);
        var modeText = QueryReader.Single(query, "mode", errors);
        var mode = LockMode.Exclusive;
        if (modeText is not null && !TryParseMode(modeText, out mode))
        {
            errors.Add("mode", "must be exclusive or shared");
        }

        var delay = QueryReader.Int(query, "lockDelay", 0, MaxLockDelaySeconds, errors) ?? 0;
        if (errors.Count > 0)
        {
            return JobProblems.Invalid(errors);
        }

        var waitFor = TimeSpan.FromSeconds(wait);
        var grant = await grains.GetGrain<ILockGrain>(name).WithResponseTimeout(waitFor + CallMargin)
            .AcquireAsync(new LockRequest(session!, mode, waitFor, owner, TimeSpan.FromSeconds(delay)))
            .WaitAsync(cancellationToken);
        return Answer(grant, name, session!, mode == LockMode.Shared ? "shared" : "exclusive", "The lock is held.");
    }

    /// <summary><c>POST /v1/semaphores/{name}</c>: takes one of <c>permits</c> permits for a session.</summary>
    public static async Task<Results<Ok<LockGrantResponse>, ProblemHttpResult>> AcquirePermitAsync(
        string name, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(query, errors, Session, Wait, "permits", Owner);
        var (session, wait, owner) = Common(name, query, errors);
        var permits = QueryReader.Int(query, "permits", 1, LockLimits.MaxPermits, errors);
        if (permits is null && !query.ContainsKey("permits"))
        {
            errors.Add("permits", $"is required: the semaphore's number of permits (1 to {LockLimits.MaxPermits.ToString(CultureInfo.InvariantCulture)})");
        }

        if (errors.Count > 0)
        {
            return JobProblems.Invalid(errors);
        }

        var waitFor = TimeSpan.FromSeconds(wait);
        var grant = await grains.GetGrain<ISemaphoreGrain>(name).WithResponseTimeout(waitFor + CallMargin)
            .AcquireAsync(new SemaphoreRequest(session!, permits!.Value, waitFor, owner))
            .WaitAsync(cancellationToken);
        return Answer(grant, name, session!, "permit", "No permit of the semaphore is free.");
    }

    /// <summary><c>DELETE /v1/locks/{name}?session=&amp;token=</c>.</summary>
    public static Task<Results<NoContent, ProblemHttpResult>> ReleaseLockAsync(
        string name, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken) =>
        ReleaseAsync(name, request, (session, token) => grains.GetGrain<ILockGrain>(name).ReleaseAsync(session, token), "lock", cancellationToken);

    /// <summary><c>DELETE /v1/semaphores/{name}?session=&amp;token=</c>.</summary>
    public static Task<Results<NoContent, ProblemHttpResult>> ReleasePermitAsync(
        string name, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken) =>
        ReleaseAsync(name, request, (session, token) => grains.GetGrain<ISemaphoreGrain>(name).ReleaseAsync(session, token), "permit", cancellationToken);

    /// <summary><c>GET /v1/locks/{name}</c>.</summary>
    public static Task<Results<Ok<LockInfo>, ProblemHttpResult>> GetLockAsync(
        string name, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken) =>
        GetAsync(name, request, () => grains.GetGrain<ILockGrain>(name).GetAsync(), cancellationToken);

    /// <summary><c>GET /v1/semaphores/{name}</c>.</summary>
    public static Task<Results<Ok<LockInfo>, ProblemHttpResult>> GetSemaphoreAsync(
        string name, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken) =>
        GetAsync(name, request, () => grains.GetGrain<ISemaphoreGrain>(name).GetAsync(), cancellationToken);

    private static (string? Session, int Wait, string? Owner) Common(string name, IQueryCollection query, ErrorCollector errors)
    {
        CoordinationInput.Name(name, "name", errors);
        var session = QueryReader.Single(query, Session, errors);
        CoordinationInput.SessionId(session, Session, errors);
        var wait = QueryReader.Int(query, Wait, 0, MaxWaitSeconds, errors) ?? 0;
        var owner = QueryReader.Single(query, Owner, errors);
        CoordinationInput.Text(owner, Owner, CoordinationInput.MaxNameLength, errors);
        return (session, wait, owner);
    }

    private static Results<Ok<LockGrantResponse>, ProblemHttpResult> Answer(LockGrant grant, string name, string session, string mode, string heldTitle) =>
        grant.Outcome switch
        {
            LockOutcome.Granted when grant.Token is { } token => TypedResults.Ok(new LockGrantResponse(name, token, mode, session)),
            LockOutcome.SessionUnknown => CoordinationProblems.UnknownSession(session),
            LockOutcome.TimedOut => CoordinationProblems.Conflict(heldTitle, grant.Detail ?? "It was not granted within the wait."),
            _ => CoordinationProblems.Conflict("The request conflicts with the current holders.", grant.Detail),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> ReleaseAsync(
        string name, HttpRequest request, Func<string, long, Task<bool>> release, string what, CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(request.Query, errors, Session, Token);
        CoordinationInput.Name(name, "name", errors);
        var session = QueryReader.Single(request.Query, Session, errors);
        CoordinationInput.SessionId(session, Session, errors);
        var token = CoordinationInput.Long(request.Query, Token, 1, long.MaxValue, errors);
        if (token is null && !request.Query.ContainsKey(Token))
        {
            errors.Add(Token, "is required: the token of the grant");
        }

        if (errors.Count > 0)
        {
            return JobProblems.Invalid(errors);
        }

        var released = await release(session!, token!.Value).WaitAsync(cancellationToken);
        return released
            ? TypedResults.NoContent()
            : CoordinationProblems.Conflict(
                $"The {what} is not held.",
                $"Session '{session}' holds no {what} of '{name}' with token {token.Value.ToString(CultureInfo.InvariantCulture)} (released, superseded or its session ended).");
    }

    private static async Task<Results<Ok<LockInfo>, ProblemHttpResult>> GetAsync(
        string name, HttpRequest request, Func<Task<LockInfo>> get, CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(request.Query, errors);
        CoordinationInput.Name(name, "name", errors);
        if (errors.Count > 0)
        {
            return JobProblems.Invalid(errors);
        }

        return TypedResults.Ok(await get().WaitAsync(cancellationToken));
    }

    private static bool TryParseMode(string text, out LockMode mode)
    {
        if (string.Equals(text, "exclusive", StringComparison.OrdinalIgnoreCase))
        {
            mode = LockMode.Exclusive;
            return true;
        }

        mode = LockMode.Shared;
        return string.Equals(text, "shared", StringComparison.OrdinalIgnoreCase);
    }
}
