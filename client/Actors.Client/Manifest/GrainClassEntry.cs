namespace Actors.Client.Manifest;

/// <summary>One grain class a silo of the cluster hosts, as its gateway described it.</summary>
/// <param name="GrainType">The class's grain type.</param>
/// <param name="ClassName">The class's full name (matched against GetGrain's class name prefix).</param>
/// <param name="Interfaces">The wire names of the grain interfaces the class implements.</param>
internal sealed record GrainClassEntry(GrainType GrainType, string ClassName, IReadOnlyList<string> Interfaces)
{
    /// <summary>The class name without namespace or enclosing types, as <c>Type.Name</c> gives it.</summary>
    public string SimpleName => ClassName[(ClassName.LastIndexOfAny(['.', '+']) + 1)..];
}
