namespace Actors.Runtime.Tests.Grains;

/// <summary>An application exception type that must reach callers as itself.</summary>
public sealed class GrainFailureException : Exception
{
    public GrainFailureException()
    {
    }

    public GrainFailureException(string message)
        : base(message)
    {
    }

    public GrainFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
