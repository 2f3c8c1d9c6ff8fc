namespace Actors.Placement;

/// <summary>The silo the grain id hashes to among compatible silos.</summary>
public sealed class HashBasedPlacement : PlacementStrategy
{
    /// <summary>The single instance.</summary>
    public static readonly HashBasedPlacement Instance = new();
}
