namespace Actors.Placement;

/// <summary>Place new activations on the less loaded of two random silos.</summary>
public sealed class ActivationCountBasedPlacementAttribute() : PlacementAttribute(ActivationCountBasedPlacement.Instance);
