using System.Net;
using Microsoft.Extensions.Logging;

namespace Actors.Transport;

/// <summary>Log messages of outbound connections.</summary>
public sealed partial class OutboundConnection
{
    private static partial class Log
    {
        [LoggerMessage(TransportEventIds.OutboundConnected, LogLevel.Information, "Connected to {EndPoint}: {Remote}")]
        public static partial void Connected(ILogger logger, IPEndPoint endPoint, ConnectionPreamble remote);

        [LoggerMessage(TransportEventIds.OutboundLost, LogLevel.Information, "Connection to {EndPoint} lost: {Reason}")]
        public static partial void Lost(ILogger logger, IPEndPoint endPoint, string? reason);

        [LoggerMessage(TransportEventIds.OutboundConnectFailed, LogLevel.Debug, "Connecting to {EndPoint} failed (attempt {Attempt}): {Reason}")]
        public static partial void ConnectFailed(ILogger logger, IPEndPoint endPoint, int attempt, string reason);

        [LoggerMessage(TransportEventIds.OutboundAbandoned, LogLevel.Information, "Connection to {EndPoint} abandoned: {Reason}")]
        public static partial void Abandoned(ILogger logger, IPEndPoint endPoint, string reason);

        [LoggerMessage(TransportEventIds.OutboundEventHandlerFailed, LogLevel.Error, "A connection event handler for {EndPoint} threw")]
        public static partial void EventHandlerFailed(ILogger logger, IPEndPoint endPoint, Exception exception);

        [LoggerMessage(TransportEventIds.UndeliveredHandlerFailed, LogLevel.Error, "The undelivered-message handler threw for {Message}")]
        public static partial void UndeliveredHandlerFailed(ILogger logger, WireMessage message, Exception exception);
    }
}
