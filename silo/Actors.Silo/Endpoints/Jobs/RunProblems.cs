using Actors.GrainInterfaces.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>
/// The answers of <c>POST /v1/run</c> for a job that ended without success. The job's own failure (non-zero exit,
/// out of memory, timeout) is 422; the infrastructure's is 502; a cancellation is 409. Each carries the job's id,
/// status, exit code, reason and stderr tail as extensions (<c>jobStatus</c>, since <c>status</c> is the HTTP status).
/// </summary>
internal static class RunProblems
{
    /// <summary>The problem for a final, unsuccessful job.</summary>
    public static ProblemHttpResult Failed(JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var (status, title) = job.Status switch
        {
            JobStatus.Cancelled => (StatusCodes.Status409Conflict, "The job was cancelled."),
            JobStatus.TimedOut => (StatusCodes.Status422UnprocessableEntity, "The job timed out."),
            _ when IsUserFailure(job) => (StatusCodes.Status422UnprocessableEntity, "The job failed."),
            _ => (StatusCodes.Status502BadGateway, "The job could not be run."),
        };
        return Problem(job, status, title, Describe(job));
    }

    /// <summary>502: the job succeeded but its output is gone from the store.</summary>
    public static ProblemHttpResult OutputMissing(JobSnapshot job) =>
        Problem(job, StatusCodes.Status502BadGateway, "The job's output is missing.", $"Job {job.Id} succeeded but the job store has no output for attempt {job.CurrentAttempt}.");

    private static bool IsUserFailure(JobSnapshot job)
    {
        var outcome = job.Attempts.Count == 0 ? null : job.Attempts[^1].Outcome;
        return outcome is AttemptOutcome.Exited or AttemptOutcome.OutOfMemory or AttemptOutcome.TimedOut
               || (outcome is null && job.ExitCode is not null and not 0);
    }

    private static string Describe(JobSnapshot job)
    {
        var text = $"Job {job.Id} ended {JobProblems.StatusName(job.Status)}";
        if (job.ExitCode is { } code)
        {
            text += $" with exit code {code}";
        }

        return job.Reason is { Length: > 0 } reason ? $"{text}: {reason}" : text + ".";
    }

    private static ProblemHttpResult Problem(JobSnapshot job, int status, string title, string detail) => TypedResults.Problem(
        statusCode: status,
        title: title,
        detail: detail,
        extensions: new Dictionary<string, object?>
        {
            ["jobId"] = job.Id,
            ["jobStatus"] = JobProblems.StatusName(job.Status),
            ["exitCode"] = job.ExitCode,
            ["reason"] = job.Reason,
            ["stderrTail"] = job.StderrTail,
        });
}
