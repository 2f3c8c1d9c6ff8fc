using System.Net;
using Actors.Client.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Actors.Client.Connections;

/// <summary>Log messages of the gateway manager.</summary>
internal sealed partial class GatewayManager
{
    private static partial class Log
    {
        [LoggerMessage(ClientEventIds.Connected, LogLevel.Information, "Cluster client now sends its calls to gateway {Gateway} ({Waiting} calls were waiting)")]
        public static partial void Connected(ILogger logger, IPEndPoint gateway, int waiting);

        [LoggerMessage(ClientEventIds.ConnectionLost, LogLevel.Warning, "Cluster client lost its connection to gateway {Gateway}: {Reason}")]
        public static partial void ConnectionLost(ILogger logger, IPEndPoint gateway, string reason);

        [LoggerMessage(ClientEventIds.GatewayClosing, LogLevel.Information, "Gateway {Gateway} is shutting down (it was the current gateway: {WasCurrent}); new calls go elsewhere")]
        public static partial void GatewayClosing(ILogger logger, IPEndPoint gateway, bool wasCurrent);

        [LoggerMessage(ClientEventIds.ConnectFailed, LogLevel.Debug, "Cluster client could not connect to gateway {Gateway}: {Reason}")]
        public static partial void ConnectFailed(ILogger logger, IPEndPoint gateway, string reason);

        [LoggerMessage(ClientEventIds.NoGatewayReachable, LogLevel.Warning, "Cluster client reached no gateway (round {Round}); trying again in {Backoff}")]
        public static partial void NoGatewayReachable(ILogger logger, int round, TimeSpan backoff);

        [LoggerMessage(ClientEventIds.RefreshFailed, LogLevel.Warning, "Cluster client could not refresh its gateway list: {Reason}")]
        public static partial void RefreshFailed(ILogger logger, string reason);

        [LoggerMessage(ClientEventIds.GatewaysRefreshed, LogLevel.Debug, "Gateway {Gateway} lists {Gateways} gateways; {GrainClasses} grain classes known")]
        public static partial void Refreshed(ILogger logger, IPEndPoint gateway, int gateways, int grainClasses);

        [LoggerMessage(ClientEventIds.UnexpectedMessage, LogLevel.Warning, "Cluster client dropped unexpected {Message} from gateway {Gateway}")]
        public static partial void UnexpectedMessage(ILogger logger, string message, IPEndPoint gateway);

        [LoggerMessage(ClientEventIds.CallsFailedOnLostConnection, LogLevel.Warning, "Failed {Count} calls in flight on the lost connection to gateway {Gateway}")]
        public static partial void CallsFailed(ILogger logger, int count, IPEndPoint gateway);

        [LoggerMessage(ClientEventIds.MessageUndelivered, LogLevel.Warning, "One-way {Message} was not delivered: {Reason}")]
        public static partial void Undelivered(ILogger logger, string message, string reason);

        [LoggerMessage(ClientEventIds.EventHandlerFailed, LogLevel.Warning, "A gateway event handler failed on {Event}")]
        public static partial void HandlerFailed(ILogger logger, string @event, Exception exception);
    }
}
