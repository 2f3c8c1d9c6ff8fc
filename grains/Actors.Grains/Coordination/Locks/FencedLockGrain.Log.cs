using Actors.GrainInterfaces.Coordination.Locks;
using Actors.GrainInterfaces.Coordination.Sessions;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Coordination.Locks;

internal abstract partial class FencedLockGrain
{
    [LoggerMessage(EventId = LockEventIds.Granted, Level = LogLevel.Debug, Message = "{Kind} {Name} granted to session {SessionId} with token {Token} ({Mode}).")]
    private static partial void LogGranted(ILogger logger, SessionBindingKind kind, string name, string sessionId, long token, LockMode mode);

    [LoggerMessage(EventId = LockEventIds.Released, Level = LogLevel.Debug, Message = "{Kind} {Name}: session {SessionId} released token {Token}.")]
    private static partial void LogReleased(ILogger logger, SessionBindingKind kind, string name, string sessionId, long token);

    [LoggerMessage(EventId = LockEventIds.SessionEnded, Level = LogLevel.Information, Message = "{Kind} {Name}: session {SessionId} ended holding token {Token}; released.")]
    private static partial void LogSessionEnded(ILogger logger, SessionBindingKind kind, string name, string sessionId, long token);

    [LoggerMessage(EventId = LockEventIds.LockDelayStarted, Level = LogLevel.Information, Message = "{Kind} {Name} is in its lock-delay until {Until:O}.")]
    private static partial void LogLockDelay(ILogger logger, SessionBindingKind kind, string name, DateTimeOffset until);

    [LoggerMessage(EventId = LockEventIds.PersistFailed, Level = LogLevel.Warning, Message = "{Kind} {Name} could not persist a change; the activation ends and the next one reads the stored state.")]
    private static partial void LogPersistFailed(ILogger logger, SessionBindingKind kind, string name, Exception exception);

    [LoggerMessage(EventId = LockEventIds.RefreshFailed, Level = LogLevel.Warning, Message = "{Kind} {Name} could not refresh its session bindings; it tries again.")]
    private static partial void LogRefreshFailed(ILogger logger, SessionBindingKind kind, string name, Exception exception);
}
