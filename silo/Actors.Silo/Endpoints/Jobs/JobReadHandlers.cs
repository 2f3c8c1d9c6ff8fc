using System.Globalization;
using Actors.GrainInterfaces.Jobs;
using Actors.Grains.Jobs.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary><c>GET /v1/jobs/{id}</c>, <c>GET /v1/jobs</c> and <c>GET /v1/jobs/{id}/output</c>.</summary>
internal static class JobReadHandlers
{
    /// <summary>The default page size of a listing.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page size of a listing.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The longest cursor accepted (store cursors are short; anything longer is not one).</summary>
    public const int MaxCursorLength = 1024;

    /// <summary>One job.</summary>
    public static async Task<Results<Ok<JobSnapshot>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!JobIds.IsValid(id))
        {
            return JobProblems.InvalidId();
        }

        var job = await grains.GetGrain<ITaskGrain>(id).GetAsync().WaitAsync(cancellationToken);
        return job is null ? JobProblems.UnknownJob(id) : TypedResults.Ok(JobResponses.Redact(job));
    }

    /// <summary>A page of jobs: <c>?status=&amp;label=k|k=v&amp;limit=&amp;cursor=</c>.</summary>
    public static async Task<Results<Ok<JobListResponse>, ProblemHttpResult>> ListAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        var query = context.Request.Query;
        QueryReader.RejectUnknown(query, errors, "status", "label", "limit", "cursor");
        var status = ParseStatus(QueryReader.Single(query, "status", errors), errors);
        var (labelKey, labelValue) = ParseLabel(QueryReader.Single(query, "label", errors), errors);
        var limit = QueryReader.Int(query, "limit", 1, MaxLimit, errors) ?? DefaultLimit;
        var cursor = QueryReader.Single(query, "cursor", errors);
        if (cursor is { Length: > MaxCursorLength })
        {
            errors.Add("cursor", "is not a cursor this API produced: pass nextCursor from the previous page unchanged");
        }

        if (errors.Count > 0)
        {
            return JobProblems.Invalid(errors, "The listing request is invalid.");
        }

        var store = context.RequestServices.GetRequiredService<IJobStore>();
        JobPage page;
        try
        {
            page = await store.ListAsync(new JobQuery(status, labelKey, labelValue, limit, cursor), cancellationToken);
        }
        catch (InvalidJobCursorException)
        {
            return JobProblems.InvalidField("cursor", "is not a cursor this API produced: pass nextCursor from the previous page unchanged");
        }

        return TypedResults.Ok(new JobListResponse([.. page.Jobs.Select(JobResponses.Redact)], page.NextCursor));
    }

    /// <summary>The stdout of a final job's accepted attempt.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetOutputAsync(
        string id, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!JobIds.IsValid(id))
        {
            return JobProblems.InvalidId();
        }

        var job = await grains.GetGrain<ITaskGrain>(id).GetAsync().WaitAsync(cancellationToken);
        if (job is null)
        {
            return JobProblems.UnknownJob(id);
        }

        if (!job.Status.IsFinal())
        {
            return JobProblems.WrongStatus(job, $"Job {id} is {JobProblems.StatusName(job.Status)}: its output exists once it is final. Wait with GET /v1/jobs/{id}/events.");
        }

        var output = job.OutputBytes is null
            ? null
            : await context.RequestServices.GetRequiredService<IJobStore>().GetOutputAsync(id, job.CurrentAttempt, cancellationToken);
        if (output is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "The job has no output.",
                detail: $"Job {id} ended {JobProblems.StatusName(job.Status)} without output.",
                extensions: new Dictionary<string, object?> { ["jobId"] = id, ["jobStatus"] = JobProblems.StatusName(job.Status) });
        }

        if (job.ExitCode is { } exitCode)
        {
            context.Response.Headers[JobOutputHeaders.ExitCode] = exitCode.ToString(CultureInfo.InvariantCulture);
        }

        context.Response.Headers[JobOutputHeaders.Truncated] = job.OutputTruncated ? "true" : "false";
        return TypedResults.Bytes(output, "application/octet-stream");
    }

    private static JobStatus? ParseStatus(string? text, ErrorCollector errors)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var status in Enum.GetValues<JobStatus>())
        {
            if (string.Equals(status.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return status;
            }
        }

        errors.Add("status", $"must be one of {string.Join(", ", Enum.GetNames<JobStatus>())}");
        return null;
    }

    private static (string? Key, string? Value) ParseLabel(string? text, ErrorCollector errors)
    {
        if (text is null)
        {
            return (null, null);
        }

        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? text : text[..equals];
        var value = equals < 0 ? null : text[(equals + 1)..];
        if (!JobRequestValidator.IsValidLabelKey(key) || value is { Length: > JobRequestValidator.MaxLabelValueLength })
        {
            errors.Add("label", "must be a label key (1 to 63 characters of letters, digits, '.', '_', '-' and '/') or key=value with a value of at most 256 characters");
            return (null, null);
        }

        return (key, value);
    }
}
