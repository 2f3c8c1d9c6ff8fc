namespace Actors.Runtime.GrainReferences;

/// <summary>Makes grain references: resolves the grain type of the interface, forms the id, makes the proxy. No I/O.</summary>
internal sealed class GrainFactory(GrainReferenceActivator activator, IGrainTypeResolver resolver) : IGrainFactory
{
    private readonly GrainReferenceActivator _activator = activator;
    private readonly IGrainTypeResolver _resolver = resolver;

    public TGrainInterface GetGrain<TGrainInterface>(string key, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        return Create<TGrainInterface>(key, grainClassNamePrefix);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid key, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey =>
        Create<TGrainInterface>(GrainKeyFormat.Format(key), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long key, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey =>
        Create<TGrainInterface>(GrainKeyFormat.Format(key), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(Guid key, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey =>
        Create<TGrainInterface>(GrainKeyFormat.Format(key, keyExtension), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long key, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey =>
        Create<TGrainInterface>(GrainKeyFormat.Format(key, keyExtension), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable =>
        _activator.CreateReference<TGrainInterface>(grainId);

    private TGrainInterface Create<TGrainInterface>(string key, string? grainClassNamePrefix) =>
        _activator.CreateReference<TGrainInterface>(new GrainId(_resolver.ResolveGrainType(typeof(TGrainInterface), grainClassNamePrefix), key));
}
