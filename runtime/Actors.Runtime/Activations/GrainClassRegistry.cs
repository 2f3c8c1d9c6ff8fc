using Actors.Runtime.GrainReferences;
using Microsoft.Extensions.Options;

namespace Actors.Runtime.Activations;

/// <summary>The grain classes of this silo, by grain type and by the interfaces they implement.</summary>
internal sealed class GrainClassRegistry : IGrainTypeResolver
{
    private static readonly HashSet<Type> Markers =
    [
        typeof(IAddressable), typeof(IGrain), typeof(IGrainWithStringKey), typeof(IGrainWithGuidKey), typeof(IGrainWithIntegerKey),
        typeof(IGrainWithGuidCompoundKey), typeof(IGrainWithIntegerCompoundKey),
    ];

    private readonly Dictionary<GrainType, GrainClassDescriptor> _byType = [];
    private readonly Dictionary<Type, List<GrainClassDescriptor>> _byInterface = [];

    public GrainClassRegistry(IOptions<GrainClassOptions> options)
    {
        foreach (var classType in options.Value.Classes.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            Add(classType);
        }
    }

    public IEnumerable<GrainClassDescriptor> Classes => _byType.Values;

    /// <summary>The class of a grain type.</summary>
    /// <exception cref="InvalidOperationException">No class of that type is registered in this silo.</exception>
    public GrainClassDescriptor Get(GrainType grainType) =>
        _byType.TryGetValue(grainType, out var descriptor)
            ? descriptor
            : throw new InvalidOperationException(
                $"No grain class of type '{grainType}' is registered in this silo. Registered: {string.Join(", ", _byType.Keys.Order())}.");

    public bool TryGet(GrainType grainType, out GrainClassDescriptor descriptor) => _byType.TryGetValue(grainType, out descriptor!);

    /// <inheritdoc />
    public GrainType ResolveGrainType(Type grainInterface, string? grainClassNamePrefix)
    {
        if (!_byInterface.TryGetValue(grainInterface, out var candidates) || candidates.Count == 0)
        {
            throw new ArgumentException($"No grain class registered in this silo implements {grainInterface.FullName}.", nameof(grainInterface));
        }

        if (grainClassNamePrefix is not null)
        {
            var matches = candidates.Where(c => c.ClassType.FullName!.StartsWith(grainClassNamePrefix, StringComparison.Ordinal)).ToList();
            return matches.Count == 1
                ? matches[0].GrainType
                : throw new ArgumentException(
                    $"{matches.Count} grain classes implementing {grainInterface.Name} start with '{grainClassNamePrefix}'; expected exactly one.",
                    nameof(grainClassNamePrefix));
        }

        if (candidates.Count == 1)
        {
            return candidates[0].GrainType;
        }

        // Orleans' convention: IFooGrain's default implementation is FooGrain.
        var conventional = candidates.Where(c => "I" + c.ClassType.Name == grainInterface.Name).ToList();
        return conventional.Count == 1
            ? conventional[0].GrainType
            : throw new ArgumentException(
                $"{grainInterface.Name} is implemented by {string.Join(", ", candidates.Select(c => c.ClassType.Name))}; " +
                "pass a grain class name prefix to GetGrain.",
                nameof(grainInterface));
    }

    private void Add(Type classType)
    {
        if (classType.IsAbstract || classType.IsGenericTypeDefinition || !typeof(Grain).IsAssignableFrom(classType))
        {
            throw new ArgumentException($"{classType.FullName} is not a concrete, non-generic subclass of Grain.", nameof(classType));
        }

        var interfaces = classType.GetInterfaces().Where(IsGrainInterface).ToList();
        var descriptor = new GrainClassDescriptor(classType, interfaces);
        if (_byType.TryGetValue(descriptor.GrainType, out var existing))
        {
            throw new ArgumentException(
                $"Grain classes {existing.ClassType.FullName} and {classType.FullName} both have grain type '{descriptor.GrainType}'; " +
                "give one a [GrainType] attribute.",
                nameof(classType));
        }

        _byType[descriptor.GrainType] = descriptor;
        foreach (var grainInterface in interfaces)
        {
            if (!_byInterface.TryGetValue(grainInterface, out var list))
            {
                _byInterface[grainInterface] = list = [];
            }

            list.Add(descriptor);
        }
    }

    // Every interface a grain can be called through: those extending IAddressable, except the framework's markers.
    private static bool IsGrainInterface(Type type) => typeof(IAddressable).IsAssignableFrom(type) && !Markers.Contains(type);
}
