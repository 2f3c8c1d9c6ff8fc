using Actors.Invocation;

namespace Actors.Transport.Serialization;

/// <summary>Turns a grain reference read from the wire into a live reference of this process (a silo's or a client's).</summary>
public interface IGrainReferenceResolver
{
    /// <summary>A reference to <paramref name="grainId"/> through the interface with wire name <paramref name="interfaceName"/>.</summary>
    /// <exception cref="InvalidOperationException">No loaded assembly has generated code for that interface.</exception>
    GrainReference CreateReference(GrainId grainId, string interfaceName);
}
