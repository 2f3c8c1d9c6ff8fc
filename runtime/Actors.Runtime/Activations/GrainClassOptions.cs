namespace Actors.Runtime.Activations;

/// <summary>The grain classes this silo can activate (filled by the silo builder).</summary>
public sealed class GrainClassOptions
{
    /// <summary>Grain classes (non-abstract subclasses of <see cref="Grain"/>).</summary>
    public ISet<Type> Classes { get; } = new HashSet<Type>();
}
