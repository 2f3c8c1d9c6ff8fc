namespace Actors.Placement;

/// <summary>Place new activations on a random compatible silo (the default).</summary>
public sealed class RandomPlacementAttribute() : PlacementAttribute(RandomPlacement.Instance);
