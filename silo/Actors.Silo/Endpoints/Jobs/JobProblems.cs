using System.Globalization;
using Actors.GrainInterfaces.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>The RFC 9457 problem answers of the jobs API, in one place so titles and shapes stay consistent.</summary>
internal static class JobProblems
{
    /// <summary>400 with every wrong field named in <c>errors</c>.</summary>
    public static ProblemHttpResult Invalid(ErrorCollector errors, string title = "The request is invalid.") =>
        Fields(StatusCodes.Status400BadRequest, title, "See errors: each names a field, query parameter or header and what is wrong with it.", errors.ToDictionary());

    /// <summary>400 naming one field.</summary>
    public static ProblemHttpResult InvalidField(string field, string message)
    {
        var errors = new ErrorCollector();
        errors.Add(field, message);
        return Fields(StatusCodes.Status400BadRequest, "The request is invalid.", $"{field}: {message}.", errors.ToDictionary());
    }

    /// <summary>A problem of any status naming fields in <c>errors</c>.</summary>
    public static ProblemHttpResult Fields(int status, string title, string detail, IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = status, Title = title, Detail = detail });

    /// <summary>413: the body is over <paramref name="limit"/> bytes.</summary>
    public static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"The body may have at most {limit.ToString(CultureInfo.InvariantCulture)} bytes (setting Actors:Api:MaxRequestBodyBytes).");

    /// <summary>404: no job has this id.</summary>
    public static ProblemHttpResult UnknownJob(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "The job does not exist.",
        detail: $"No job has the id '{id}'.");

    /// <summary>400 for a malformed job id in the path.</summary>
    public static ProblemHttpResult InvalidId() => InvalidField("id", JobIds.InvalidIdMessage);

    /// <summary>409: the job is in a status that does not allow the request.</summary>
    public static ProblemHttpResult WrongStatus(JobSnapshot job, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: $"The job is {StatusName(job.Status)}.",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["jobId"] = job.Id, ["jobStatus"] = StatusName(job.Status) });

    /// <summary>A job status as the JSON answers spell it.</summary>
    public static string StatusName(JobStatus status) => status.ToString();
}
