namespace Actors;

/// <summary>
/// A grain call failed with an exception whose type this process cannot recreate (its assembly is not loaded here,
/// or it has no (message, inner) constructor). Carries the original type name, message and stack trace.
/// </summary>
public sealed class RemoteGrainException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RemoteGrainException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public RemoteGrainException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RemoteGrainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a remote exception of type <paramref name="originalType"/>.</summary>
    public RemoteGrainException(string originalType, string message, Exception? innerException)
        : base($"{originalType}: {message}", innerException)
    {
        OriginalType = originalType;
    }

    /// <summary>The full name of the exception's type where it was thrown.</summary>
    public string? OriginalType { get; }
}
