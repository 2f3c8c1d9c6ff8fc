namespace Actors.Invocation;

/// <summary>Names an assembly's generated <see cref="IGeneratedGrainManifest"/> so the runtime can find its proxies.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class GeneratedGrainManifestAttribute(Type manifestType) : Attribute
{
    /// <summary>The generated manifest type (it has a public parameterless constructor).</summary>
    public Type ManifestType { get; } = manifestType;
}
