using Actors.GrainInterfaces.Jobs;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Jobs.Tasks;

internal sealed partial class TaskGrain
{
    [LoggerMessage(EventId = JobEventIds.JobAccepted, Level = LogLevel.Debug, Message = "Job {JobId} accepted: image {Image}, submitter {Submitter}.")]
    private static partial void LogAccepted(ILogger logger, string jobId, string image, string submitter);

    [LoggerMessage(EventId = JobEventIds.JobFinished, Level = LogLevel.Debug, Message = "Job {JobId} finished: {Status} {Reason}")]
    private static partial void LogFinished(ILogger logger, string jobId, JobStatus status, string? reason);

    [LoggerMessage(EventId = JobEventIds.JobRetry, Level = LogLevel.Information, Message = "Job {JobId} will retry as attempt {Attempt} in {DelaySeconds:0.0} s: {Reason}")]
    private static partial void LogRetry(ILogger logger, string jobId, int attempt, double delaySeconds, string reason);

    [LoggerMessage(EventId = JobEventIds.JobCancelled, Level = LogLevel.Information, Message = "Job {JobId} cancelled.")]
    private static partial void LogCancelled(ILogger logger, string jobId);

    [LoggerMessage(EventId = JobEventIds.StaleReport, Level = LogLevel.Information, Message = "Job {JobId} rejected a {Kind} report of attempt {Attempt}: not its current open attempt.")]
    private static partial void LogStaleReport(ILogger logger, string jobId, int attempt, string kind);

    [LoggerMessage(EventId = JobEventIds.SchedulerCallFailed, Level = LogLevel.Warning, Message = "Job {JobId}: the {Operation} call failed; the job stays durable and is recovered.")]
    private static partial void LogSchedulerCallFailed(ILogger logger, string jobId, string operation, Exception exception);
}
