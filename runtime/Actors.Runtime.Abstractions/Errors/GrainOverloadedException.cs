namespace Actors;

/// <summary>
/// An activation's queue of waiting requests is full: the request was refused, not queued. Back off and retry.
/// </summary>
public sealed class GrainOverloadedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GrainOverloadedException()
        : base("The activation has too many waiting requests.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public GrainOverloadedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public GrainOverloadedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
