namespace Actors;

/// <summary>Names a grain class's <see cref="GrainType"/> (by default its class name without "Grain", lower-cased).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string grainType) : Attribute
{
    /// <summary>The grain type name.</summary>
    public string GrainType { get; } = grainType;
}
