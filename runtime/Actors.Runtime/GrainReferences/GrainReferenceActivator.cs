using System.Collections.Concurrent;
using Actors.Invocation;
using Actors.Transport.Serialization;

namespace Actors.Runtime.GrainReferences;

/// <summary>Makes proxies bound to this process's runtime; shares one <see cref="GrainReferenceShared"/> per interface.</summary>
internal sealed class GrainReferenceActivator(GrainInterfaceRegistry interfaces, IGrainReferenceRuntime runtime) : IGrainReferenceResolver
{
    private readonly GrainInterfaceRegistry _interfaces = interfaces;
    private readonly IGrainReferenceRuntime _runtime = runtime;
    private readonly ConcurrentDictionary<Type, GrainReferenceShared> _shared = new();

    public TGrainInterface CreateReference<TGrainInterface>(GrainId grainId) =>
        (TGrainInterface)(object)CreateReference(grainId, typeof(TGrainInterface));

    public GrainReference CreateReference(GrainId grainId, Type grainInterface)
    {
        var shared = _shared.GetOrAdd(grainInterface, static (type, self) => new GrainReferenceShared(self._interfaces.GetInterface(type), self._runtime), this);
        return shared.Interface.CreateProxy!(shared, grainId);
    }

    /// <summary>A reference through the interface with wire name <paramref name="interfaceName"/> (for references read from the wire).</summary>
    public GrainReference CreateReference(GrainId grainId, string interfaceName) =>
        _interfaces.TryGetInterface(interfaceName, out var descriptor)
            ? CreateReference(grainId, descriptor.InterfaceType)
            : throw new InvalidOperationException($"Unknown grain interface '{interfaceName}': no loaded assembly has generated code for it.");
}
