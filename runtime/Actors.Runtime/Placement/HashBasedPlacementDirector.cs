namespace Actors.Runtime.Placement;

/// <summary>
/// The compatible silo at the grain id's hash modulo their count: every silo with the same view picks the same one,
/// so first calls from many silos meet on one silo instead of racing in the directory.
/// </summary>
internal sealed class HashBasedPlacementDirector : IPlacementDirector
{
    public SiloAddress Place(PlacementTarget target, IPlacementContext context) =>
        context.CompatibleSilos[(int)(target.GrainId.UniformHash % (uint)context.CompatibleSilos.Count)].Silo;
}
