namespace Actors;

/// <summary>Names a grain interface on the wire (by default its full type name), so it can be moved or renamed.</summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GrainInterfaceNameAttribute(string name) : Attribute
{
    /// <summary>The wire name.</summary>
    public string Name { get; } = name;
}
