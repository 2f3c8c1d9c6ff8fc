namespace Actors.Grains.Jobs.Storage;

/// <summary>A listing cursor that no store page produced (the API answers 400 naming <c>cursor</c>).</summary>
public sealed class InvalidJobCursorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidJobCursorException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidJobCursorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidJobCursorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
