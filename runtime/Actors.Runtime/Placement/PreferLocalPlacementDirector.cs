namespace Actors.Runtime.Placement;

/// <summary>The local silo when it can host the grain, otherwise a random compatible one.</summary>
internal sealed class PreferLocalPlacementDirector : IPlacementDirector
{
    public SiloAddress Place(PlacementTarget target, IPlacementContext context) =>
        context.LocalSiloIsCompatible
            ? context.LocalSilo
            : context.CompatibleSilos[Random.Shared.Next(context.CompatibleSilos.Count)].Silo;
}
