namespace Actors.Grains.Containers;

/// <summary>The container engine refused or failed a step (an infrastructure failure: the job may be retried).</summary>
public class ContainerRuntimeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ContainerRuntimeException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ContainerRuntimeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ContainerRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
