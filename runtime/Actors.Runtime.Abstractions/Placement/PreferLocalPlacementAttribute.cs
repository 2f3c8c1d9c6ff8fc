namespace Actors.Placement;

/// <summary>Place new activations on the calling silo when it can host them.</summary>
public sealed class PreferLocalPlacementAttribute() : PlacementAttribute(PreferLocalPlacement.Instance);
