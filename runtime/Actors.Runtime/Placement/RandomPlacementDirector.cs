namespace Actors.Runtime.Placement;

/// <summary>Any compatible silo, uniformly (the default, as in Orleans).</summary>
internal sealed class RandomPlacementDirector : IPlacementDirector
{
    public SiloAddress Place(PlacementTarget target, IPlacementContext context) =>
        context.CompatibleSilos[Random.Shared.Next(context.CompatibleSilos.Count)].Silo;
}
