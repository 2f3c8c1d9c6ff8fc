namespace Actors.Grains.Jobs.Executors;

/// <summary>A job's input cannot be read (its blob is missing): retrying cannot help.</summary>
internal sealed class InvalidJobInputException : Exception
{
    public InvalidJobInputException()
    {
    }

    public InvalidJobInputException(string message)
        : base(message)
    {
    }

    public InvalidJobInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
