using System.Globalization;
using Actors.GrainInterfaces.Jobs;
using Actors.Grains.Jobs.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>
/// <c>POST /v1/run?image=IMAGE&amp;cmd=ARG...&amp;timeoutSeconds=N</c>: runs a job with the raw body as its stdin and
/// answers with its stdout, like a function call. Waits up to the job's timeout plus a grace period (at most
/// <c>Actors:Api:MaxWaitSeconds</c>); a job still not final then gets 202 with its <c>Location</c>.
/// </summary>
internal static class RunJobHandler
{
    /// <summary>The header naming the job in every answer of <c>/v1/run</c> after submission.</summary>
    public const string JobIdHeader = "X-Job-Id";

    /// <summary>Handles the request.</summary>
    public static async Task<Results<FileContentHttpResult, Accepted<JobSnapshot>, ProblemHttpResult>> HandleAsync(
        HttpContext context,
        [FromServices] JobSubmitter submitter,
        CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        var query = context.Request.Query;
        QueryReader.RejectUnknown(query, errors, "image", "cmd", "timeoutSeconds");
        var image = QueryReader.Single(query, "image", errors);
        var timeout = QueryReader.Int(query, "timeoutSeconds", 1, JobLimits.MaxTimeoutSeconds, errors);
        var command = query.TryGetValue("cmd", out var cmd) && cmd.Count > 0 ? cmd.ToList() : null;
        var caller = SubmissionHeaders.Read(context, errors);

        var body = await RequestBodyReader.ReadAsync(context.Request, submitter.Options.MaxRequestBodyBytes, cancellationToken);
        if (body is null)
        {
            return JobProblems.TooLarge(submitter.Options.MaxRequestBodyBytes);
        }

        var request = new SubmitJobRequest(image, command, null, null, null, timeout, null, null, null, null, null);
        var job = JobRequestValidator.Validate(request, errors, rawInput: body, commandField: "cmd");
        if (job is null || errors.Count > 0)
        {
            return JobProblems.Invalid(errors, "The run request is invalid.");
        }

        var outcome = await submitter.SubmitAsync(job, caller, context.RequestServices, cancellationToken);
        if (outcome.Problem is { } problem)
        {
            if (outcome.RetryAfterSeconds is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            }

            return problem;
        }

        var wait = Math.Min(job.TimeoutSeconds + submitter.Options.RunGraceSeconds, submitter.Options.MaxWaitSeconds);
        var snapshot = await submitter.WaitForFinalAsync(outcome.Job!, TimeSpan.FromSeconds(wait), cancellationToken);
        context.Response.Headers[JobIdHeader] = snapshot.Id;
        if (outcome.Replayed)
        {
            context.Response.Headers[JobResponses.ReplayedHeader] = "true";
        }

        if (!snapshot.Status.IsFinal())
        {
            return TypedResults.Accepted(JobResponses.Location(snapshot.Id), JobResponses.Redact(snapshot));
        }

        if (snapshot.Status == JobStatus.Succeeded)
        {
            return await OutputAsync(context, snapshot, cancellationToken);
        }

        return RunProblems.Failed(snapshot);
    }

    private static async Task<Results<FileContentHttpResult, Accepted<JobSnapshot>, ProblemHttpResult>> OutputAsync(
        HttpContext context, JobSnapshot job, CancellationToken cancellationToken)
    {
        var output = job.OutputBytes is null or 0
            ? []
            : await context.RequestServices.GetRequiredService<IJobStore>().GetOutputAsync(job.Id, job.CurrentAttempt, cancellationToken);
        if (output is null)
        {
            return RunProblems.OutputMissing(job);
        }

        context.Response.Headers[JobOutputHeaders.ExitCode] = (job.ExitCode ?? 0).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers[JobOutputHeaders.Truncated] = job.OutputTruncated ? "true" : "false";
        return TypedResults.Bytes(output, "application/octet-stream");
    }
}
