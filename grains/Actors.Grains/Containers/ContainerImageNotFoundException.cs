namespace Actors.Grains.Containers;

/// <summary>The image is not present on the engine and cannot be pulled (no registry configured, or the registry does not have it).</summary>
public sealed class ContainerImageNotFoundException : ContainerRuntimeException
{
    /// <summary>Creates the exception.</summary>
    public ContainerImageNotFoundException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ContainerImageNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ContainerImageNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
