using Actors.GrainInterfaces.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary><c>POST /v1/jobs[?wait=N]</c>: submits a job described by a JSON body.</summary>
internal static class SubmitJobHandler
{
    /// <summary>The query parameter asking to wait for the job to become final.</summary>
    public const string WaitParameter = "wait";

    /// <summary>Handles the request.</summary>
    public static async Task<Results<Ok<JobSnapshot>, Accepted<JobSnapshot>, ProblemHttpResult>> HandleAsync(
        HttpContext context,
        [FromServices] JobSubmitter submitter,
        CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        var query = context.Request.Query;
        QueryReader.RejectUnknown(query, errors, WaitParameter);
        var wait = QueryReader.Int(query, WaitParameter, 0, submitter.Options.MaxWaitSeconds, errors);
        var caller = SubmissionHeaders.Read(context, errors);

        var body = await RequestBodyReader.ReadAsync(context.Request, submitter.Options.MaxRequestBodyBytes, cancellationToken);
        if (body is null)
        {
            return JobProblems.TooLarge(submitter.Options.MaxRequestBodyBytes);
        }

        var request = SubmitJobRequestParser.Parse(body, errors);
        var job = request is null ? null : JobRequestValidator.Validate(request, errors);
        if (job is null || errors.Count > 0)
        {
            return JobProblems.Invalid(errors, "The job submission is invalid.");
        }

        var outcome = await submitter.SubmitAsync(job, caller, context.RequestServices, cancellationToken);
        if (outcome.Problem is { } problem)
        {
            if (outcome.RetryAfterSeconds is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return problem;
        }

        var snapshot = outcome.Job!;
        if (wait is > 0)
        {
            snapshot = await submitter.WaitForFinalAsync(snapshot, TimeSpan.FromSeconds(wait.Value), cancellationToken);
        }

        return JobResponses.Submitted(context, snapshot, outcome.Replayed, waited: wait is not null);
    }
}
