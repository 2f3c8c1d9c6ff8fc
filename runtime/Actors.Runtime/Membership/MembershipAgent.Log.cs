using Actors.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Membership;

/// <summary>Log messages of the membership agent.</summary>
internal sealed partial class MembershipAgent
{
    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.Joining, LogLevel.Information, "Silo {Silo} joining cluster {ClusterId}")]
        public static partial void Joining(ILogger logger, SiloAddress silo, string clusterId);

        [LoggerMessage(RuntimeEventIds.Joined, LogLevel.Information, "Silo {Silo} is active in a cluster of {ActiveSilos} active silos")]
        public static partial void Joined(ILogger logger, SiloAddress silo, int activeSilos);

        [LoggerMessage(RuntimeEventIds.StatusChanged, LogLevel.Information, "Silo {Silo} is now {Status}")]
        public static partial void StatusChanged(ILogger logger, SiloAddress silo, SiloStatus status);

        [LoggerMessage(RuntimeEventIds.SuspectedSilo, LogLevel.Warning, "Silo {Silo} {Outcome}: {Evidence}")]
        public static partial void Suspected(ILogger logger, SiloAddress silo, string outcome, string evidence);

        [LoggerMessage(RuntimeEventIds.SupersededGeneration, LogLevel.Information, "Silo {Old} is superseded by {New} on its endpoint: marked dead")]
        public static partial void Superseded(ILogger logger, SiloAddress old, SiloAddress @new);

        [LoggerMessage(RuntimeEventIds.StaleHeartbeat, LogLevel.Warning, "Silo {Silo} declared dead: its last heartbeat is {Age} old")]
        public static partial void StaleHeartbeat(ILogger logger, SiloAddress silo, TimeSpan age);

        [LoggerMessage(RuntimeEventIds.DefunctRowsCleaned, LogLevel.Information, "Deleted {Count} rows of long-dead silos from the membership table")]
        public static partial void Cleaned(ILogger logger, int count);

        [LoggerMessage(RuntimeEventIds.UnreachableAtJoin, LogLevel.Error, "Active silo {Silo} is unreachable from this joining silo")]
        public static partial void Unreachable(ILogger logger, SiloAddress silo);

        [LoggerMessage(RuntimeEventIds.TableOperationFailed, LogLevel.Warning, "Membership table operation {Operation} failed; retrying next period")]
        public static partial void TableFailed(ILogger logger, string operation, Exception exception);
    }
}
