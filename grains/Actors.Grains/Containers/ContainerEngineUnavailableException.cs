namespace Actors.Grains.Containers;

/// <summary>The container engine cannot be reached (its socket is absent, refuses, or does not answer).</summary>
public sealed class ContainerEngineUnavailableException : ContainerRuntimeException
{
    /// <summary>Creates the exception.</summary>
    public ContainerEngineUnavailableException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ContainerEngineUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ContainerEngineUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
