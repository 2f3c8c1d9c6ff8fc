using Actors.Placement;

namespace Actors.Runtime.Placement;

/// <summary>
/// Chooses the silo for a new activation under one <see cref="PlacementStrategy"/>. Directors are consulted by the
/// silo that routes a call to a grain without an activation; the directory settles races between silos, so a
/// director only has to pick well, not exclusively. Register custom ones with
/// <c>ISiloBuilder.AddPlacementDirector&lt;TStrategy, TDirector&gt;()</c>.
/// </summary>
public interface IPlacementDirector
{
    /// <summary>The silo to activate <paramref name="target"/> on; one of <see cref="IPlacementContext.CompatibleSilos"/>.</summary>
    /// <exception cref="SiloUnavailableException">No silo can host the grain.</exception>
    SiloAddress Place(PlacementTarget target, IPlacementContext context);
}
