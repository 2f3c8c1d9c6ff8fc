namespace Actors.Silo.Hosting;

/// <summary>Grain assemblies the silo loads besides its own (application grains deployed next to the silo).</summary>
public sealed class GrainAssemblyOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Actors:Grains";

    /// <summary>Paths of assemblies whose grain classes and interfaces this silo hosts (for example Actors__Grains__Assemblies__0=/app/MyGrains.dll).</summary>
    public IList<string> Assemblies { get; } = [];
}
