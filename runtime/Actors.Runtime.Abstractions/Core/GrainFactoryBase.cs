namespace Actors;

/// <summary>
/// The keyed <see cref="IGrainFactory"/> overloads, written once: each forms the key's string and asks the
/// derived factory (a silo's, a cluster client's) to resolve the grain type and make the reference.
/// </summary>
public abstract class GrainFactoryBase : IGrainFactory
{
    /// <inheritdoc />
    public TGrainInterface GetGrain<TGrainInterface>(string key, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        return CreateReference<TGrainInterface>(key, grainClassNamePrefix);
    }

    /// <inheritdoc />
    public TGrainInterface GetGrain<TGrainInterface>(Guid key, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey =>
        CreateReference<TGrainInterface>(GrainKeyFormat.Format(key), grainClassNamePrefix);

    /// <inheritdoc />
    public TGrainInterface GetGrain<TGrainInterface>(long key, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey =>
        CreateReference<TGrainInterface>(GrainKeyFormat.Format(key), grainClassNamePrefix);

    /// <inheritdoc />
    public TGrainInterface GetGrain<TGrainInterface>(Guid key, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey =>
        CreateReference<TGrainInterface>(GrainKeyFormat.Format(key, keyExtension), grainClassNamePrefix);

    /// <inheritdoc />
    public TGrainInterface GetGrain<TGrainInterface>(long key, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey =>
        CreateReference<TGrainInterface>(GrainKeyFormat.Format(key, keyExtension), grainClassNamePrefix);

    /// <inheritdoc />
    public abstract TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable;

    /// <summary>A reference to the grain of <typeparamref name="TGrainInterface"/>'s grain type with key <paramref name="key"/>.</summary>
    protected abstract TGrainInterface CreateReference<TGrainInterface>(string key, string? grainClassNamePrefix);
}
