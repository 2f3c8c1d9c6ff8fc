namespace Actors.Placement;

/// <summary>Activate only on the silo whose node name is the grain's key (executor nodes).</summary>
public sealed class NodePinnedPlacementAttribute() : PlacementAttribute(NodePinnedPlacement.Instance);
