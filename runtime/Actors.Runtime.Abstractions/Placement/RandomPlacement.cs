namespace Actors.Placement;

/// <summary>Any compatible silo, uniformly at random.</summary>
public sealed class RandomPlacement : PlacementStrategy
{
    /// <summary>The single instance.</summary>
    public static readonly RandomPlacement Instance = new();
}
