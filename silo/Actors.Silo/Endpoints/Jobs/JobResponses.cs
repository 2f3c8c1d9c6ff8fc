using Actors.GrainInterfaces.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>How jobs are shown in answers.</summary>
internal static class JobResponses
{
    /// <summary>The header that marks an answer repeated for an idempotent submission.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The job's address.</summary>
    public static string Location(string id) => "/v1/jobs/" + id;

    /// <summary>The job without its inline input: answers never echo input bytes.</summary>
    public static JobSnapshot Redact(JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Spec.InlineInput is null ? job : job with { Spec = job.Spec with { InlineInput = null } };
    }

    /// <summary>
    /// The answer to an accepted (or replayed) submission: 200 when the caller waited and the job is final, else 202;
    /// <c>Location</c> always, <c>Idempotent-Replayed: true</c> for a replay.
    /// </summary>
    public static Results<Ok<JobSnapshot>, Accepted<JobSnapshot>, ProblemHttpResult> Submitted(HttpContext context, JobSnapshot job, bool replayed, bool waited)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (replayed)
        {
            context.Response.Headers[ReplayedHeader] = "true";
        }

        if (waited && job.Status.IsFinal())
        {
            context.Response.Headers.Location = Location(job.Id);
            return TypedResults.Ok(Redact(job));
        }

        return TypedResults.Accepted(Location(job.Id), Redact(job));
    }
}
