namespace Actors.Runtime.GrainReferences;

/// <summary>Makes grain references: resolves the grain type of the interface, forms the id, makes the proxy. No I/O.</summary>
internal sealed class GrainFactory(GrainReferenceActivator activator, IGrainTypeResolver resolver) : GrainFactoryBase
{
    private readonly GrainReferenceActivator _activator = activator;
    private readonly IGrainTypeResolver _resolver = resolver;

    public override TGrainInterface GetGrain<TGrainInterface>(GrainId grainId) =>
        _activator.CreateReference<TGrainInterface>(grainId);

    protected override TGrainInterface CreateReference<TGrainInterface>(string key, string? grainClassNamePrefix) =>
        _activator.CreateReference<TGrainInterface>(new GrainId(_resolver.ResolveGrainType(typeof(TGrainInterface), grainClassNamePrefix), key));
}
