using System.Globalization;
using Actors.GrainInterfaces.Jobs;
using Actors.Grains.Jobs.Storage;
using Actors.Silo.Api;
using Microsoft.Extensions.Options;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>
/// The submission path shared by <c>POST /v1/jobs</c> and <c>POST /v1/run</c>: derives the job id, checks that some
/// node can run the image (from the nodes' recent reports), stores a large input before the job exists (claim check), submits to the Task grain and
/// maps its answer; then, when asked, waits for the job to become final.
/// </summary>
internal sealed partial class JobSubmitter(
    IGrainFactory grains,
    NodeStatusCache nodes,
    IOptions<ApiOptions> options,
    TimeProvider time,
    ILogger<JobSubmitter> logger)
{
    // Under the default 30 s grain-call deadline, so a watch never times out as a call.
    private static readonly TimeSpan WatchSlice = TimeSpan.FromSeconds(20);

    private readonly IGrainFactory _grains = grains;
    private readonly NodeStatusCache _nodes = nodes;
    private readonly ApiOptions _options = options.Value;
    private readonly TimeProvider _time = time;
    private readonly ILogger<JobSubmitter> _logger = logger;

    /// <summary>The API settings.</summary>
    public ApiOptions Options => _options;

    /// <summary>Submits <paramref name="job"/> for <paramref name="caller"/>. The job store comes from <paramref name="requestServices"/>.</summary>
    public async Task<SubmitOutcome> SubmitAsync(ValidatedJob job, SubmissionCaller caller, IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(requestServices);

        var id = caller.IdempotencyKey is { } key ? JobIds.FromIdempotencyKey(caller.Submitter, key) : JobIds.New(_time);
        if (!ImageAvailability.IsRunnable(await _nodes.GetAsync(fresh: false, cancellationToken), job.Image)
            && !ImageAvailability.IsRunnable(await _nodes.GetAsync(fresh: true, cancellationToken), job.Image))
        {
            Log.Refused(_logger, id, "image unavailable");
            return SubmitOutcome.Refused(JobProblems.Fields(
                StatusCodes.Status422UnprocessableEntity,
                "The image is not available.",
                ImageAvailability.Unavailable(job.Image),
                new Dictionary<string, string[]> { ["image"] = [ImageAvailability.Unavailable(job.Image)] }));
        }

        var task = _grains.GetGrain<ITaskGrain>(id);
        var inline = job.Input.Length <= JobLimits.InlineInputBytes;
        if (!inline)
        {
            await StoreInputAsync(task, id, job.Input, caller.IdempotencyKey is not null, requestServices, cancellationToken);
        }

        var spec = new JobSpec(
            job.Image,
            job.Command,
            job.Env,
            job.Input.Length,
            inline && job.Input.Length > 0 ? job.Input : null,
            job.TimeoutSeconds,
            job.Cpus,
            job.MemoryMb,
            job.Retries,
            job.RetryOnFailure,
            job.Labels,
            caller.Submitter,
            caller.IdempotencyKey);
        var result = await task.SubmitAsync(spec).WaitAsync(cancellationToken);
        switch (result.Kind)
        {
            case SubmitResultKind.Accepted or SubmitResultKind.Existing:
                var snapshot = result.Job ?? throw new InvalidOperationException($"The Task grain answered {result.Kind} for job {id} without the job.");
                Log.Submitted(_logger, id, job.Image, caller.Submitter, result.Kind);
                return new SubmitOutcome(snapshot, result.Kind == SubmitResultKind.Existing, null);

            case SubmitResultKind.Conflict:
                Log.Refused(_logger, id, "idempotency conflict");
                var conflict = $"is already used by a different submission of this submitter (job {id}); use a new key for a new job";
                return SubmitOutcome.Refused(JobProblems.Fields(
                    StatusCodes.Status409Conflict,
                    "The idempotency key is taken.",
                    result.Detail ?? $"{SubmissionHeaders.IdempotencyKey} {conflict}.",
                    new Dictionary<string, string[]> { [SubmissionHeaders.IdempotencyKey] = [conflict] }));

            case SubmitResultKind.QueueFull:
                var retryAfter = Math.Max(1, result.RetryAfterSeconds ?? 1);
                Log.Refused(_logger, id, "queue full");
                return SubmitOutcome.Refused(
                    TypedResults.Problem(
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: "The job queue is full.",
                        detail: (result.Detail ?? "The cluster's job queue (or this submitter's share of it) is full.") +
                                $" Retry after {retryAfter.ToString(CultureInfo.InvariantCulture)} s.",
                        extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = retryAfter }),
                    retryAfter);

            default:
                throw new InvalidOperationException($"The Task grain answered an unknown submit result {result.Kind} for job {id}.");
        }
    }

    /// <summary>Waits until <paramref name="job"/> is final or <paramref name="wait"/> has passed; returns it as it is then.</summary>
    public async Task<JobSnapshot> WaitForFinalAsync(JobSnapshot job, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var task = _grains.GetGrain<ITaskGrain>(job.Id);
        var deadline = _time.GetUtcNow() + wait;
        while (!job.Status.IsFinal())
        {
            var remaining = deadline - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            var next = await task.WatchAsync(job.Version, remaining < WatchSlice ? remaining : WatchSlice).WaitAsync(cancellationToken);
            if (next is null)
            {
                break;
            }

            job = next;
        }

        return job;
    }

    private async Task StoreInputAsync(ITaskGrain task, string id, byte[] input, bool idempotent, IServiceProvider services, CancellationToken cancellationToken)
    {
        // A repeated idempotent submission must not replace the input of the job it repeats (or of a different job
        // that holds the key): the grain then answers Existing or Conflict without needing the blob again.
        if (idempotent && await task.GetAsync().WaitAsync(cancellationToken) is not null)
        {
            return;
        }

        var store = services.GetRequiredService<IJobStore>();
        await store.PutInputAsync(id, input, cancellationToken);
        Log.InputStored(_logger, id, input.Length);
    }

    private static partial class Log
    {
        [LoggerMessage(JobsApiEventIds.JobSubmitted, LogLevel.Debug, "Job {JobId} ({Image}) from {Submitter}: {Kind}")]
        public static partial void Submitted(ILogger logger, string jobId, string image, string submitter, SubmitResultKind kind);

        [LoggerMessage(JobsApiEventIds.LargeInputStored, LogLevel.Debug, "Job {JobId}: {Bytes} input bytes stored before submission")]
        public static partial void InputStored(ILogger logger, string jobId, int bytes);

        [LoggerMessage(JobsApiEventIds.SubmissionRefused, LogLevel.Debug, "Job {JobId} refused: {Reason}")]
        public static partial void Refused(ILogger logger, string jobId, string reason);
    }
}
