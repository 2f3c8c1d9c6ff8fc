namespace Actors.Invocation;

/// <summary>What all references of one interface (and one call option set) share.</summary>
public sealed class GrainReferenceShared
{
    /// <summary>Creates shared reference data.</summary>
    public GrainReferenceShared(GrainInterfaceDescriptor grainInterface, IGrainReferenceRuntime runtime, TimeSpan? responseTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(grainInterface);
        ArgumentNullException.ThrowIfNull(runtime);
        if (responseTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(responseTimeout), timeout, "A response timeout must be positive.");
        }

        Interface = grainInterface;
        Runtime = runtime;
        ResponseTimeout = responseTimeout;
    }

    /// <summary>The interface the references implement.</summary>
    public GrainInterfaceDescriptor Interface { get; }

    /// <summary>The runtime the references send through.</summary>
    public IGrainReferenceRuntime Runtime { get; }

    /// <summary>A deadline for every call through these references, overriding the default (and a method's attribute).</summary>
    public TimeSpan? ResponseTimeout { get; }
}
