using Actors.GrainInterfaces.Coordination.Discovery;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Coordination.Discovery;

internal sealed partial class ServiceGrain
{
    [LoggerMessage(EventId = DiscoveryEventIds.InstanceRegistered, Level = LogLevel.Debug, Message = "Service {Service}: instance {InstanceId} registered (replaced: {Replaced}).")]
    private static partial void LogRegistered(ILogger logger, string service, string instanceId, bool replaced);

    [LoggerMessage(EventId = DiscoveryEventIds.InstanceDeregistered, Level = LogLevel.Debug, Message = "Service {Service}: instance {InstanceId} deregistered.")]
    private static partial void LogDeregistered(ILogger logger, string service, string instanceId);

    [LoggerMessage(EventId = DiscoveryEventIds.StatusChanged, Level = LogLevel.Information, Message = "Service {Service}: instance {InstanceId} is {Status}: {Output}")]
    private static partial void LogStatusChanged(ILogger logger, string service, string instanceId, HealthStatus status, string? output);

    [LoggerMessage(EventId = DiscoveryEventIds.SessionInstancesRemoved, Level = LogLevel.Information, Message = "Service {Service}: session {SessionId} ended; {Count} instance(s) removed.")]
    private static partial void LogSessionInstancesRemoved(ILogger logger, string service, string sessionId, int count);

    [LoggerMessage(EventId = DiscoveryEventIds.CriticalInstanceRemoved, Level = LogLevel.Information, Message = "Service {Service}: instance {InstanceId} removed after being critical for {Seconds} s.")]
    private static partial void LogCriticalInstanceRemoved(ILogger logger, string service, string instanceId, double seconds);

    [LoggerMessage(EventId = DiscoveryEventIds.StateConflict, Level = LogLevel.Warning, Message = "Service {Service}: another activation wrote its state; this one deactivates.")]
    private static partial void LogStateConflict(ILogger logger, string service, Exception exception);

    [LoggerMessage(EventId = DiscoveryEventIds.SessionAttachFailed, Level = LogLevel.Warning, Message = "Service {Service}: session {SessionId} could not be reached; asking again at the next refresh.")]
    private static partial void LogSessionAttachFailed(ILogger logger, string service, string sessionId, Exception exception);
}
