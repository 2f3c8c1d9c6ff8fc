using Actors.Runtime.Membership;

namespace Actors.Runtime.Placement;

/// <summary>A placement decision's inputs, taken from one membership view.</summary>
internal sealed class PlacementContext(SiloAddress localSilo, MembershipView view, IReadOnlyList<MembershipEntry> compatibleSilos) : IPlacementContext
{
    public SiloAddress LocalSilo { get; } = localSilo;

    public bool LocalSiloIsCompatible { get; } = compatibleSilos.Any(e => e.Silo.Equals(localSilo));

    public IReadOnlyList<MembershipEntry> CompatibleSilos { get; } = compatibleSilos;

    public MembershipView View { get; } = view;
}
