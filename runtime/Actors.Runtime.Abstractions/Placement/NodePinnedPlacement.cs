namespace Actors.Placement;

/// <summary>
/// Only the silo whose node name equals the grain's key; when that silo is not active the call fails with a
/// node-offline error and the grain is never activated anywhere else.
/// </summary>
public sealed class NodePinnedPlacement : PlacementStrategy
{
    /// <summary>The single instance.</summary>
    public static readonly NodePinnedPlacement Instance = new();
}
