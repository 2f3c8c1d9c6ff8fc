namespace Actors.Transport;

/// <summary>
/// Bytes received from a peer break the wire protocol (bad magic or version, malformed or oversize frame): the
/// connection that received them is closed, since after a framing error nothing later on the stream can be trusted.
/// Also the reason handed to <c>onUndelivered</c> for a message too large to send (which is dropped, not sent).
/// </summary>
public sealed class WireProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WireProtocolException()
        : base("The peer broke the wire protocol.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public WireProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public WireProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
