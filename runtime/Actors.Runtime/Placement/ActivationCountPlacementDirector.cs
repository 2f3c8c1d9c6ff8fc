using System.Collections.Concurrent;

namespace Actors.Runtime.Placement;

/// <summary>
/// Power of two choices: of two random compatible silos, the one with fewer activations. Counts come from the
/// silos' heartbeats; the placements this silo made since are added so a burst of first calls does not all go to
/// the silo that looked emptiest at the last heartbeat.
/// </summary>
internal sealed class ActivationCountPlacementDirector : IPlacementDirector
{
    // Keyed by silo and its heartbeat's reported count: a new heartbeat starts a fresh tally.
    private readonly ConcurrentDictionary<SiloAddress, (int Reported, int PlacedSince)> _recent = new();

    public SiloAddress Place(PlacementTarget target, IPlacementContext context)
    {
        var silos = context.CompatibleSilos;
        if (silos.Count == 1)
        {
            return silos[0].Silo;
        }

        var first = Random.Shared.Next(silos.Count);
        var second = Random.Shared.Next(silos.Count - 1);
        if (second >= first)
        {
            second++;
        }

        var a = silos[first];
        var b = silos[second];
        var chosen = Load(a.Silo, a.ActivationCount) <= Load(b.Silo, b.ActivationCount) ? a : b;
        _recent.AddOrUpdate(
            chosen.Silo,
            static (_, reported) => (reported, 1),
            static (_, old, reported) => old.Reported == reported ? (reported, old.PlacedSince + 1) : (reported, 1),
            chosen.ActivationCount);
        return chosen.Silo;
    }

    private int Load(SiloAddress silo, int reported) =>
        _recent.TryGetValue(silo, out var recent) && recent.Reported == reported ? reported + recent.PlacedSince : reported;
}
