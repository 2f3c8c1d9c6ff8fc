using System.Net;
using Microsoft.Extensions.Logging;

namespace Actors.Transport;

/// <summary>Log messages of the connection listener.</summary>
public sealed partial class FramedConnectionListener
{
    private static partial class Log
    {
        [LoggerMessage(TransportEventIds.Listening, LogLevel.Information, "Listening on {EndPoint} as {Local}")]
        public static partial void Listening(ILogger logger, IPEndPoint endPoint, ConnectionPreamble local);

        [LoggerMessage(TransportEventIds.ListenerStopped, LogLevel.Information, "Stopped listening on {EndPoint}")]
        public static partial void Stopped(ILogger logger, IPEndPoint endPoint);

        [LoggerMessage(TransportEventIds.AcceptFailed, LogLevel.Warning, "Accepting a connection on {EndPoint} failed")]
        public static partial void AcceptFailed(ILogger logger, IPEndPoint endPoint, Exception exception);

        [LoggerMessage(TransportEventIds.Accepted, LogLevel.Debug, "Accepted {Remote} from {RemoteEndPoint}")]
        public static partial void Accepted(ILogger logger, ConnectionPreamble remote, IPEndPoint remoteEndPoint);

        [LoggerMessage(TransportEventIds.HandshakeRefused, LogLevel.Warning, "Refused {Remote} from {RemoteEndPoint}: {Reason}")]
        public static partial void Refused(ILogger logger, ConnectionPreamble remote, IPEndPoint remoteEndPoint, string reason);

        [LoggerMessage(TransportEventIds.HandshakeFailed, LogLevel.Warning, "The handshake with {RemoteEndPoint} failed; its socket was closed")]
        public static partial void HandshakeFailed(ILogger logger, IPEndPoint? remoteEndPoint, Exception exception);
    }
}
