namespace Actors.Runtime.GrainReferences;

/// <summary>Maps a grain interface to the grain type that implements it (in a silo from its classes, in a client from the cluster's manifest).</summary>
internal interface IGrainTypeResolver
{
    /// <summary>The grain type implementing <paramref name="grainInterface"/>.</summary>
    /// <exception cref="ArgumentException">None, or several without a distinguishing prefix.</exception>
    GrainType ResolveGrainType(Type grainInterface, string? grainClassNamePrefix);
}
