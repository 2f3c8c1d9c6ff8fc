namespace Actors.Placement;

/// <summary>The calling silo when it can host the grain, otherwise random.</summary>
public sealed class PreferLocalPlacement : PlacementStrategy
{
    /// <summary>The single instance.</summary>
    public static readonly PreferLocalPlacement Instance = new();
}
