namespace Actors;

/// <summary>
/// Makes grain references. A reference is made at once, with no I/O and no activation: the grain is
/// activated (somewhere in the cluster) by its first call.
/// </summary>
public interface IGrainFactory
{
    /// <summary>A reference to the string-keyed grain <paramref name="key"/>.</summary>
    /// <param name="key">The grain's key.</param>
    /// <param name="grainClassNamePrefix">Picks the implementation when several grain classes implement the interface.</param>
    TGrainInterface GetGrain<TGrainInterface>(string key, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>A reference to the Guid-keyed grain <paramref name="key"/>.</summary>
    TGrainInterface GetGrain<TGrainInterface>(Guid key, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey;

    /// <summary>A reference to the integer-keyed grain <paramref name="key"/>.</summary>
    TGrainInterface GetGrain<TGrainInterface>(long key, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey;

    /// <summary>A reference to the grain with Guid key <paramref name="key"/> and extension <paramref name="keyExtension"/>.</summary>
    TGrainInterface GetGrain<TGrainInterface>(Guid key, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey;

    /// <summary>A reference to the grain with integer key <paramref name="key"/> and extension <paramref name="keyExtension"/>.</summary>
    TGrainInterface GetGrain<TGrainInterface>(long key, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey;

    /// <summary>A reference, through interface <typeparamref name="TGrainInterface"/>, to the grain <paramref name="grainId"/>.</summary>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable;
}
