using Actors.GrainInterfaces.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary><c>DELETE /v1/jobs/{id}</c>: cancels a job, killing its container when it runs.</summary>
internal static class CancelJobHandler
{
    /// <summary>Handles the request.</summary>
    public static async Task<Results<Ok<JobSnapshot>, ProblemHttpResult>> HandleAsync(string id, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!JobIds.IsValid(id))
        {
            return JobProblems.InvalidId();
        }

        var result = await grains.GetGrain<ITaskGrain>(id).CancelAsync().WaitAsync(cancellationToken);
        if (result.Job is not { } job)
        {
            return JobProblems.UnknownJob(id);
        }

        return result.Cancelled
            ? TypedResults.Ok(JobResponses.Redact(job))
            : JobProblems.WrongStatus(job, $"Job {id} is already {JobProblems.StatusName(job.Status)}: a final job cannot be cancelled.");
    }
}
