using System.Collections.Concurrent;
using Actors.Placement;
using Actors.Runtime.Activations;
using Actors.Runtime.Hosting;
using Actors.Runtime.Membership;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.Placement;

/// <summary>
/// Picks the silo for a grain that has no activation: the strategy of the grain's class, applied by the director
/// registered for that strategy, over the active silos that host the grain's type.
/// </summary>
internal sealed class PlacementService(
    IServiceProvider services,
    IClusterMembershipService membership,
    ILocalSiloDetails local,
    GrainClassRegistry classes)
{
    private readonly IServiceProvider _services = services;
    private readonly IClusterMembershipService _membership = membership;
    private readonly SiloAddress _local = local.SiloAddress;
    private readonly GrainClassRegistry _classes = classes;
    private readonly ConcurrentDictionary<Type, IPlacementDirector> _directors = new();

    /// <summary>The silo to activate <paramref name="grainId"/> on.</summary>
    /// <exception cref="NodeOfflineException">The grain is pinned to a node without an active silo.</exception>
    /// <exception cref="SiloUnavailableException">No active silo hosts the grain's type.</exception>
    public SiloAddress Place(GrainId grainId)
    {
        // Every silo runs the same grain classes here; one that does not know the class places at random among
        // the silos that advertise the type.
        var strategy = _classes.TryGet(grainId.Type, out var grainClass) ? grainClass.Placement : RandomPlacement.Instance;
        var view = _membership.CurrentView;
        var type = grainId.Type.Value;
        var compatible = view.Entries
            .Where(e => e.Status == SiloStatus.Active && e.GrainTypes.Contains(type, StringComparer.Ordinal))
            .OrderBy(e => e.Silo)
            .ToList();
        if (compatible.Count == 0 && strategy is not NodePinnedPlacement)
        {
            throw new SiloUnavailableException(view.ActiveSilos.Count == 0
                ? $"No silo is active in the cluster (membership v{view.Version}); {grainId} cannot be activated yet."
                : $"No active silo hosts grain type '{type}' ({view.ActiveSilos.Count} active silos); {grainId} cannot be activated.");
        }

        var director = _directors.GetOrAdd(strategy.GetType(), static (strategyType, services) =>
            services.GetKeyedService<IPlacementDirector>(strategyType)
            ?? throw new InvalidOperationException($"No placement director is registered for {strategyType.Name}; register one with AddPlacementDirector."),
            _services);
        return director.Place(new PlacementTarget(grainId, strategy), new PlacementContext(_local, view, compatible));
    }
}
