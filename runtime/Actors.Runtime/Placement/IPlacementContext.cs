using Actors.Runtime.Membership;

namespace Actors.Runtime.Placement;

/// <summary>What a placement director may consider: this silo and the active silos able to host the grain's type.</summary>
public interface IPlacementContext
{
    /// <summary>The silo doing the placement.</summary>
    SiloAddress LocalSilo { get; }

    /// <summary>True when the local silo is among <see cref="CompatibleSilos"/> (active and hosting the grain's type).</summary>
    bool LocalSiloIsCompatible { get; }

    /// <summary>The active silos that host the grain's type, in address order (never empty).</summary>
    IReadOnlyList<MembershipEntry> CompatibleSilos { get; }

    /// <summary>The membership view the decision is taken on.</summary>
    MembershipView View { get; }
}
