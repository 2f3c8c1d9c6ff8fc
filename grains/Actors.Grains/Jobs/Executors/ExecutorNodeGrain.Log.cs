using Actors.GrainInterfaces.Jobs;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Jobs.Executors;

internal sealed partial class ExecutorNodeGrain
{
    [LoggerMessage(EventId = JobEventIds.NodeActivated, Level = LogLevel.Information, Message = "Executor node {Node} active: engine {Engine}, {Cpus} CPUs, {MemoryMb} MiB, {Slots} slots.")]
    private static partial void LogActivated(ILogger logger, string node, string engine, double cpus, int memoryMb, int slots);

    [LoggerMessage(EventId = JobEventIds.EngineUnavailable, Level = LogLevel.Warning, Message = "Executor node {Node} cannot run jobs: {Reason}")]
    private static partial void LogEngineUnavailable(ILogger logger, string node, string reason);

    [LoggerMessage(EventId = JobEventIds.OrphansRemoved, Level = LogLevel.Information, Message = "Executor node {Node} removed {Count} containers left by an earlier process.")]
    private static partial void LogOrphansRemoved(ILogger logger, string node, int count);

    [LoggerMessage(EventId = JobEventIds.AttemptStarting, Level = LogLevel.Debug, Message = "Job {JobId} attempt {Attempt} starting on {Node}: {Image}.")]
    private static partial void LogAttemptStarting(ILogger logger, string jobId, int attempt, string node, string image);

    [LoggerMessage(EventId = JobEventIds.AttemptEnded, Level = LogLevel.Debug, Message = "Job {JobId} attempt {Attempt} ended: {Outcome}, exit code {ExitCode}. {Error}")]
    private static partial void LogAttemptEnded(ILogger logger, string jobId, int attempt, AttemptOutcome outcome, int? exitCode, string? error);

    [LoggerMessage(EventId = JobEventIds.ReportFailed, Level = LogLevel.Warning, Message = "Executor node {Node} could not report to the scheduler.")]
    private static partial void LogReportFailed(ILogger logger, string node, Exception exception);

    [LoggerMessage(EventId = JobEventIds.CompletionFailed, Level = LogLevel.Warning, Message = "Could not report the end of job {JobId} attempt {Attempt} (try {Try}).")]
    private static partial void LogCompletionFailed(ILogger logger, string jobId, int attempt, int @try, Exception exception);
}
