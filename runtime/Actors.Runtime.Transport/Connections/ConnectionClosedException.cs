namespace Actors.Transport;

/// <summary>
/// A message could not be queued because its connection is closed (or its outbound connection abandoned). The inner
/// exception, when set, is why the connection closed.
/// </summary>
public sealed class ConnectionClosedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConnectionClosedException()
        : base("The connection is closed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConnectionClosedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConnectionClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
