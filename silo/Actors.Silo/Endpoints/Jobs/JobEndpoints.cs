using Actors.GrainInterfaces.Jobs;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>The jobs REST API: <c>/v1/jobs</c> and <c>/v1/run</c>. Every error is an RFC 9457 problem.</summary>
public static class JobEndpoints
{
    private const string Tag = "Jobs";
    private const string Json = "application/json";
    private const string Bytes = "application/octet-stream";
    private const string AnyContentType = "*/*";

    /// <summary>Maps the job endpoints.</summary>
    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var v1 = endpoints.MapGroup("/v1").WithTags(Tag).AddEndpointFilter<JobApiExceptionFilter>();

        v1.MapPost("/jobs", SubmitJobHandler.HandleAsync)
            .WithName("SubmitJob")
            .WithSummary("Submit a job")
            .WithDescription("Queues a container job. Headers: Idempotency-Key (same key and submitter: same job, answered again with " +
                             "Idempotent-Replayed: true), X-Submitter. Query: wait=0..300 seconds to wait for a final state (200 when final).")
            // Any content type: the body is parsed as JSON whatever the header says (curl -d sends a form type).
            .Accepts<SubmitJobRequest>(Json, AnyContentType)
            .Produces<JobSnapshot>(StatusCodes.Status202Accepted, Json)
            .Produces<JobSnapshot>(StatusCodes.Status200OK, Json)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        v1.MapGet("/jobs", JobReadHandlers.ListAsync)
            .WithName("ListJobs")
            .WithSummary("List jobs, newest first")
            .WithDescription("Query: status, label (key or key=value), limit (1..1000, default 100), cursor (nextCursor of the previous page).")
            .Produces<JobListResponse>(StatusCodes.Status200OK, Json)
            .ProducesValidationProblem();

        v1.MapGet("/jobs/{id}", JobReadHandlers.GetAsync)
            .WithName("GetJob")
            .WithSummary("Get a job")
            .Produces<JobSnapshot>(StatusCodes.Status200OK, Json)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        v1.MapGet("/jobs/{id}/output", JobReadHandlers.GetOutputAsync)
            .WithName("GetJobOutput")
            .WithSummary("Get a final job's output (its stdout)")
            .WithDescription("Headers X-Exit-Code and X-Output-Truncated describe it. 409 while the job is not final.")
            .Produces<byte[]>(StatusCodes.Status200OK, Bytes)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        v1.MapGet("/jobs/{id}/events", JobEventsHandler.HandleAsync)
            .WithName("WatchJob")
            .WithSummary("Stream a job's states as server-sent events")
            .WithDescription("One 'status' event per version (id = version, data = the job), from the current state or after " +
                             "Last-Event-ID; ': keep-alive' comments while idle; ends after a final state.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        v1.MapDelete("/jobs/{id}", CancelJobHandler.HandleAsync)
            .WithName("CancelJob")
            .WithSummary("Cancel a job")
            .Produces<JobSnapshot>(StatusCodes.Status200OK, Json)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        v1.MapPost("/run", RunJobHandler.HandleAsync)
            .WithName("RunJob")
            .WithSummary("Run a job synchronously: body = stdin, answer = stdout")
            .WithDescription("Query: image, cmd (repeat for each argument), timeoutSeconds. 200 with the output (headers X-Job-Id, " +
                             "X-Exit-Code); 422 when the job failed (exit code, OOM, timeout), 502 when the infrastructure did, " +
                             "409 when cancelled, 202 with Location when it is not final in time.")
            // Any content type: the body is the job's stdin, byte for byte.
            .Accepts<byte[]>(Bytes, AnyContentType)
            .Produces<byte[]>(StatusCodes.Status200OK, Bytes)
            .Produces<JobSnapshot>(StatusCodes.Status202Accepted, Json)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        return endpoints;
    }
}
