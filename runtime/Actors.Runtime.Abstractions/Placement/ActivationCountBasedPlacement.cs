namespace Actors.Placement;

/// <summary>The less loaded of two random silos (power of two choices), by activation count.</summary>
public sealed class ActivationCountBasedPlacement : PlacementStrategy
{
    /// <summary>The single instance.</summary>
    public static readonly ActivationCountBasedPlacement Instance = new();
}
