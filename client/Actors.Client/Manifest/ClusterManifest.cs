using System.Collections.Frozen;

namespace Actors.Client.Manifest;

/// <summary>
/// The grain classes the cluster hosts, learnt from gateways, so the client resolves a grain interface to a grain
/// type by the same rules as a silo (Actors.Runtime's GrainClassRegistry.ResolveGrainType): one implementing class is
/// the answer; with a class name prefix, exactly one class whose full name starts with it; with several and no prefix,
/// the conventional one (<c>IFooGrain</c> → <c>FooGrain</c>) if exactly one is; otherwise an error.
/// </summary>
/// <remarks>
/// Manifests of different gateways are merged by grain type, so a cluster whose silos host different classes is
/// seen whole. A class stays known once seen: a reference is only a name, and a call to a grain type no silo hosts
/// any more fails at the gateway with a clear error.
/// </remarks>
internal sealed class ClusterManifest
{
    private readonly Lock _gate = new();
    private FrozenDictionary<GrainType, GrainClassEntry> _byType = FrozenDictionary<GrainType, GrainClassEntry>.Empty;
    private FrozenDictionary<string, GrainClassEntry[]> _byInterface = FrozenDictionary<string, GrainClassEntry[]>.Empty;

    /// <summary>The grain classes known so far.</summary>
    public IReadOnlyCollection<GrainClassEntry> Classes => Volatile.Read(ref _byType).Values;

    /// <summary>Adds (or updates) the classes a gateway described.</summary>
    public void Merge(IEnumerable<GrainClassEntry> classes)
    {
        lock (_gate)
        {
            var byType = new Dictionary<GrainType, GrainClassEntry>(_byType);
            foreach (var entry in classes)
            {
                byType[entry.GrainType] = entry;
            }

            var byInterface = byType.Values
                .SelectMany(static c => c.Interfaces.Select(i => (Interface: i, Class: c)))
                .GroupBy(static p => p.Interface, StringComparer.Ordinal)
                .ToFrozenDictionary(static g => g.Key, static g => g.Select(static p => p.Class).OrderBy(static c => c.ClassName, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
            Volatile.Write(ref _byType, byType.ToFrozenDictionary());
            Volatile.Write(ref _byInterface, byInterface);
        }
    }

    /// <summary>The grain type implementing <paramref name="grainInterface"/> (wire name <paramref name="interfaceName"/>).</summary>
    /// <exception cref="ArgumentException">No class, or several without one distinguishing prefix or convention.</exception>
    public GrainType ResolveGrainType(Type grainInterface, string interfaceName, string? grainClassNamePrefix)
    {
        if (!Volatile.Read(ref _byInterface).TryGetValue(interfaceName, out var candidates) || candidates.Length == 0)
        {
            throw new ArgumentException(
                $"No silo of the cluster hosts a grain class implementing {grainInterface.FullName} (as far as the gateways have said).",
                nameof(grainInterface));
        }

        if (grainClassNamePrefix is not null)
        {
            var matches = candidates.Where(c => c.ClassName.StartsWith(grainClassNamePrefix, StringComparison.Ordinal)).ToList();
            return matches.Count == 1
                ? matches[0].GrainType
                : throw new ArgumentException(
                    $"{matches.Count} grain classes implementing {grainInterface.Name} start with '{grainClassNamePrefix}'; expected exactly one.",
                    nameof(grainClassNamePrefix));
        }

        if (candidates.Length == 1)
        {
            return candidates[0].GrainType;
        }

        // Orleans' convention: IFooGrain's default implementation is FooGrain.
        var conventional = candidates.Where(c => "I" + c.SimpleName == grainInterface.Name).ToList();
        return conventional.Count == 1
            ? conventional[0].GrainType
            : throw new ArgumentException(
                $"{grainInterface.Name} is implemented by {string.Join(", ", candidates.Select(static c => c.SimpleName))}; " +
                "pass a grain class name prefix to GetGrain.",
                nameof(grainInterface));
    }
}
