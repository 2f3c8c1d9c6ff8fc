using Microsoft.Extensions.Logging;

namespace Actors.Grains.Jobs.Scheduling;

internal sealed partial class JobSchedulerGrain
{
    [LoggerMessage(EventId = JobEventIds.SchedulerRebuilt, Level = LogLevel.Information, Message = "Job scheduler activated: {Queued} queued and {Dispatched} dispatched jobs recovered from the job store.")]
    private static partial void LogRebuilt(ILogger logger, int queued, int dispatched);

    [LoggerMessage(EventId = JobEventIds.NodeJoined, Level = LogLevel.Information, Message = "Executor node {Node} on silo {Silo} reported (engine available: {EngineAvailable}, {EngineDetail}).")]
    private static partial void LogNodeJoined(ILogger logger, string node, string silo, bool engineAvailable, string? engineDetail);

    [LoggerMessage(EventId = JobEventIds.AssignFailed, Level = LogLevel.Warning, Message = "Could not assign job {JobId} to node {Node}; it goes back to the queue.")]
    private static partial void LogAssignFailed(ILogger logger, string jobId, string node, Exception exception);

    [LoggerMessage(EventId = JobEventIds.AttemptLost, Level = LogLevel.Warning, Message = "Job {JobId} attempt {Attempt} is lost: {Reason}")]
    private static partial void LogAttemptLost(ILogger logger, string jobId, int attempt, string reason);

    [LoggerMessage(EventId = JobEventIds.ReportLostFailed, Level = LogLevel.Warning, Message = "Could not tell job {JobId} that its attempt is lost; retrying at the next sweep.")]
    private static partial void LogReportLostFailed(ILogger logger, string jobId, Exception exception);
}
