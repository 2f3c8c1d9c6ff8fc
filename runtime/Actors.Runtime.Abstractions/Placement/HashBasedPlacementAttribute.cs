namespace Actors.Placement;

/// <summary>Place new activations on the silo the grain id hashes to.</summary>
public sealed class HashBasedPlacementAttribute() : PlacementAttribute(HashBasedPlacement.Instance);
