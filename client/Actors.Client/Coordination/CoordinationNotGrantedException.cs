namespace Actors.Client.Coordination;

/// <summary>A lock, permit or leadership was not granted: the wait ran out, the session ended, or the request did not fit.</summary>
public sealed class CoordinationNotGrantedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CoordinationNotGrantedException()
        : base("Not granted.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public CoordinationNotGrantedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CoordinationNotGrantedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
