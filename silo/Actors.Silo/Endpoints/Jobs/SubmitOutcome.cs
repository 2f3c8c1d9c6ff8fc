using Actors.GrainInterfaces.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>What <see cref="JobSubmitter.SubmitAsync"/> decided: a job (new or replayed), or a problem to answer.</summary>
/// <param name="Job">The accepted or existing job; null when refused.</param>
/// <param name="Replayed">True when the job existed: the same submission was accepted before.</param>
/// <param name="Problem">The answer when refused.</param>
/// <param name="RetryAfterSeconds">With a 429: when to try again.</param>
internal sealed record SubmitOutcome(JobSnapshot? Job, bool Replayed, ProblemHttpResult? Problem, int? RetryAfterSeconds = null)
{
    /// <summary>A refusal.</summary>
    public static SubmitOutcome Refused(ProblemHttpResult problem, int? retryAfterSeconds = null) => new(null, false, problem, retryAfterSeconds);
}
