namespace Actors.Transport;

/// <summary>
/// Stable log event ids of the transport (the runtime's networking range, 1800-1899): 1800 listener, 1810 framed
/// connections, 1820 outbound connections.
/// </summary>
internal static class TransportEventIds
{
    public const int Listening = 1800;
    public const int ListenerStopped = 1801;
    public const int AcceptFailed = 1802;
    public const int Accepted = 1803;
    public const int HandshakeRefused = 1804;
    public const int HandshakeFailed = 1805;

    public const int ConnectionClosed = 1810;
    public const int ConnectionFailed = 1811;
    public const int MessageHandlerFailed = 1812;
    public const int UndeliveredHandlerFailed = 1813;
    public const int MessageNotSent = 1814;

    public const int OutboundConnected = 1820;
    public const int OutboundLost = 1821;
    public const int OutboundConnectFailed = 1822;
    public const int OutboundAbandoned = 1823;
    public const int OutboundEventHandlerFailed = 1824;
}
