using Microsoft.Extensions.Logging;

namespace Actors.Grains.Coordination.KeyValue;

internal sealed partial class KeyValueGrain
{
    [LoggerMessage(EventId = KeyValueEventIds.Loaded, Level = LogLevel.Information, Message = "Key/value store {Name} loaded {Keys} keys at revision {Revision} ({Sessions} sessions with ephemeral keys).")]
    private static partial void LogLoaded(ILogger logger, string name, int keys, long revision, int sessions);

    [LoggerMessage(EventId = KeyValueEventIds.CommitFailed, Level = LogLevel.Error, Message = "Key/value store {Name} failed to commit a change; it fails the later pending changes and reloads.")]
    private static partial void LogCommitFailed(ILogger logger, string name, Exception exception);

    [LoggerMessage(EventId = KeyValueEventIds.SessionKeysDeleted, Level = LogLevel.Debug, Message = "Key/value store {Name} deleted {Keys} ephemeral keys of ended session {SessionId}.")]
    private static partial void LogSessionKeysDeleted(ILogger logger, string name, int keys, string sessionId);

    [LoggerMessage(EventId = KeyValueEventIds.SessionCheckFailed, Level = LogLevel.Warning, Message = "Key/value store {Name} could not reach session {SessionId}; it asks again at the next refresh.")]
    private static partial void LogSessionCheckFailed(ILogger logger, string name, string sessionId, Exception exception);
}
