namespace Actors.Placement;

/// <summary>Chooses how the cluster picks the silo for a grain class's new activations.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public abstract class PlacementAttribute(PlacementStrategy strategy) : Attribute
{
    /// <summary>The strategy.</summary>
    public PlacementStrategy Strategy { get; } = strategy;
}
