using System.Net;
using Microsoft.Extensions.Logging;

namespace Actors.Transport;

/// <summary>Log messages of framed connections.</summary>
public sealed partial class FramedConnection
{
    private static partial class Log
    {
        [LoggerMessage(TransportEventIds.ConnectionClosed, LogLevel.Debug, "Connection to {Remote} at {RemoteEndPoint} closed: {Reason}")]
        public static partial void Closed(ILogger logger, ConnectionPreamble remote, IPEndPoint remoteEndPoint, string reason);

        [LoggerMessage(TransportEventIds.ConnectionFailed, LogLevel.Warning, "Connection to {Remote} at {RemoteEndPoint} failed and was closed")]
        public static partial void Failed(ILogger logger, ConnectionPreamble remote, IPEndPoint remoteEndPoint, Exception exception);

        [LoggerMessage(TransportEventIds.MessageHandlerFailed, LogLevel.Error, "The handler of message {Message} from {RemoteEndPoint} threw")]
        public static partial void MessageHandlerFailed(ILogger logger, WireMessage message, IPEndPoint remoteEndPoint, Exception exception);

        [LoggerMessage(TransportEventIds.UndeliveredHandlerFailed, LogLevel.Error, "The undelivered-message handler threw for {Message}")]
        public static partial void UndeliveredHandlerFailed(ILogger logger, WireMessage message, Exception exception);

        [LoggerMessage(TransportEventIds.MessageNotSent, LogLevel.Warning, "Message {Message} to {RemoteEndPoint} was not sent: {Reason}")]
        public static partial void MessageNotSent(ILogger logger, WireMessage message, IPEndPoint remoteEndPoint, string reason, Exception? exception);
    }
}
