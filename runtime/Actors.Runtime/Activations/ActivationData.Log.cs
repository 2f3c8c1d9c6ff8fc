using Actors.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Activations;

/// <summary>Log messages of activations.</summary>
internal sealed partial class ActivationData
{
    internal void ReportTimerFailure(Exception exception) => Log.TimerCallbackFailed(_host.Logger, GrainId, exception);

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.Activated, LogLevel.Debug, "Activated {GrainId} on {Silo}")]
        public static partial void Activated(ILogger logger, GrainId grainId, SiloAddress silo);

        [LoggerMessage(RuntimeEventIds.ActivationFailed, LogLevel.Warning, "Activation of {GrainId} failed; its waiting requests fail with the same error")]
        public static partial void ActivationFailed(ILogger logger, GrainId grainId, Exception exception);

        [LoggerMessage(RuntimeEventIds.Deactivated, LogLevel.Debug, "Deactivated {GrainId}: {Reason}")]
        public static partial void Deactivated(ILogger logger, GrainId grainId, string reason);

        [LoggerMessage(RuntimeEventIds.DeactivationFailed, LogLevel.Warning, "OnDeactivateAsync of {GrainId} failed; the activation is gone anyway")]
        public static partial void DeactivationFailed(ILogger logger, GrainId grainId, Exception? exception);

        [LoggerMessage(RuntimeEventIds.WorkItemFailed, LogLevel.Error, "A work item of {GrainId} threw; the activation carries on")]
        public static partial void WorkItemFailed(ILogger logger, GrainId grainId, Exception exception);

        [LoggerMessage(RuntimeEventIds.TimerCallbackFailed, LogLevel.Warning, "A timer callback of {GrainId} failed; the timer keeps ticking")]
        public static partial void TimerCallbackFailed(ILogger logger, GrainId grainId, Exception exception);

        [LoggerMessage(RuntimeEventIds.MessageRefused, LogLevel.Warning, "Refused {Message}")]
        public static partial void MessageRefused(ILogger logger, string message, Exception exception);

        [LoggerMessage(RuntimeEventIds.ExpiredRequestDropped, LogLevel.Warning, "Dropped {Message}: its deadline passed while it waited")]
        public static partial void ExpiredRequestDropped(ILogger logger, string message);

        [LoggerMessage(RuntimeEventIds.DuplicateActivation, LogLevel.Debug, "{GrainId} lost its directory registration to {Winner}; its requests go there")]
        public static partial void Duplicate(ILogger logger, GrainId grainId, GrainAddress winner);

        [LoggerMessage(RuntimeEventIds.UnregisterFailed, LogLevel.Warning, "Could not remove directory entry {Address}; the next activation replaces it")]
        public static partial void UnregisterFailed(ILogger logger, GrainAddress address, Exception exception);

        [LoggerMessage(RuntimeEventIds.OneWayRequestFailed, LogLevel.Warning, "One-way {Message} failed (nobody waits for its result)")]
        public static partial void OneWayRequestFailed(ILogger logger, string message, Exception exception);
    }
}
