namespace Actors.Invocation;

/// <summary>
/// The base of generated proxies: a grain id plus the interface it is called through. Cheap to make, safe to
/// keep, valid on any silo or client and across failover. Two references are equal when they name the same
/// grain through the same interface.
/// </summary>
public abstract class GrainReference : IAddressable, IEquatable<GrainReference>
{
    /// <summary>Called by generated proxies.</summary>
    protected GrainReference(GrainReferenceShared shared, GrainId grainId)
    {
        ArgumentNullException.ThrowIfNull(shared);
        Shared = shared;
        GrainId = grainId;
    }

    /// <summary>The grain this reference names.</summary>
    public GrainId GrainId { get; }

    /// <summary>The interface and runtime this reference calls through.</summary>
    public GrainReferenceShared Shared { get; }

    /// <summary>The interface this reference implements.</summary>
    public GrainInterfaceDescriptor Interface => Shared.Interface;

    /// <summary>A reference to the same grain whose calls use <paramref name="timeout"/> as their deadline.</summary>
    public GrainReference WithResponseTimeout(TimeSpan timeout)
    {
        var shared = new GrainReferenceShared(Shared.Interface, Shared.Runtime, timeout);
        return Shared.Interface.CreateProxy!(shared, GrainId);
    }

    /// <summary>Sends a request through the runtime (generated code calls this).</summary>
    protected Task<TResult> InvokeAsync<TResult>(GrainRequest<TResult> request) => Shared.Runtime.InvokeAsync(this, request);

    /// <summary>Sends a one-way request through the runtime (generated code calls this).</summary>
    protected void InvokeOneWay(GrainRequest request) => Shared.Runtime.InvokeOneWay(this, request);

    /// <inheritdoc />
    public bool Equals(GrainReference? other) =>
        other is not null && GrainId.Equals(other.GrainId) && Shared.Interface.InterfaceType == other.Shared.Interface.InterfaceType;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => GrainId.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => Shared.Interface.Name + ":" + GrainId;
}
