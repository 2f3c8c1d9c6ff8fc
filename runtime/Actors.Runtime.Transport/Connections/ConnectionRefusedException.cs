using System.Net;

namespace Actors.Transport;

/// <summary>
/// The handshake of a new connection failed on purpose: the listening end refused this end (for example another
/// cluster id), or this end rejected the listener's preamble (for example another silo generation now answers on
/// the endpoint). Unlike a TCP-level refusal (a <see cref="System.Net.Sockets.SocketException"/>), retrying will not help.
/// </summary>
public sealed class ConnectionRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConnectionRefusedException()
        : base("The connection was refused during its handshake.")
    {
        Reason = Message;
    }

    /// <summary>Creates the exception.</summary>
    public ConnectionRefusedException(string message)
        : base(message)
    {
        Reason = message;
    }

    /// <summary>Creates the exception.</summary>
    public ConnectionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Creates the exception for a handshake with <paramref name="endpoint"/> that failed for <paramref name="reason"/>.</summary>
    /// <param name="endpoint">The listening end.</param>
    /// <param name="reason">Why, as the refusing end said it.</param>
    /// <param name="refusedByRemote">True when the listening end refused; false when this end rejected the listener.</param>
    public ConnectionRefusedException(IPEndPoint endpoint, string reason, bool refusedByRemote)
        : base(refusedByRemote
            ? $"{endpoint} refused the connection: {reason}"
            : $"The end listening at {endpoint} was rejected: {reason}")
    {
        Reason = reason;
        RefusedByRemote = refusedByRemote;
    }

    /// <summary>Why the handshake was refused, as the refusing end said it.</summary>
    public string Reason { get; }

    /// <summary>True when the listening end refused this end; false when this end rejected the listener's preamble.</summary>
    public bool RefusedByRemote { get; }
}
