using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using Actors.Invocation;

namespace Actors.Runtime.Serialization;

/// <summary>
/// Decides whether values of a type can be shared between activations without a copy: primitives, strings,
/// enums, well-known value types, grain references, exceptions, [Immutable] types, immutable collections of
/// immutable elements, and types whose every instance field is readonly and of an immutable type (which covers
/// records with init-only properties). Facts about types, so cached for the process.
/// </summary>
internal static class ImmutableTypes
{
    private static readonly ConcurrentDictionary<Type, bool> Cache = new();

    private static readonly FrozenSet<Type> KnownImmutable = new[]
    {
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid),
        typeof(DateOnly), typeof(TimeOnly), typeof(Uri), typeof(Version), typeof(GrainId), typeof(GrainType),
        typeof(SiloAddress), typeof(System.Net.IPEndPoint), typeof(System.Net.IPAddress), typeof(Half), typeof(Int128), typeof(UInt128),
    }.ToFrozenSet();

    private static readonly FrozenSet<Type> ImmutableGenericCollections = new[]
    {
        typeof(ImmutableArray<>), typeof(ImmutableList<>), typeof(ImmutableHashSet<>), typeof(ImmutableSortedSet<>),
        typeof(ImmutableQueue<>), typeof(ImmutableStack<>), typeof(ImmutableDictionary<,>), typeof(ImmutableSortedDictionary<,>),
        typeof(FrozenSet<>), typeof(FrozenDictionary<,>), typeof(KeyValuePair<,>), typeof(Nullable<>),
    }.ToFrozenSet();

    /// <summary>True when instances of <paramref name="type"/> never change after construction.</summary>
    public static bool IsImmutable(Type type) => Cache.TryGetValue(type, out var known) ? known : Compute(type, []);

    private static bool Compute(Type type, HashSet<Type> visiting)
    {
        if (Cache.TryGetValue(type, out var known))
        {
            return known;
        }

        // A type that refers back to itself is immutable if everything else about it is.
        if (!visiting.Add(type))
        {
            return true;
        }

        var result = Decide(type, visiting);
        visiting.Remove(type);
        Cache.TryAdd(type, result);
        return result;
    }

    private static bool Decide(Type type, HashSet<Type> visiting)
    {
        if (type.IsPrimitive || type.IsEnum || KnownImmutable.Contains(type)
            || typeof(GrainReference).IsAssignableFrom(type) || typeof(Exception).IsAssignableFrom(type)
            || type.IsDefined(typeof(ImmutableAttribute), inherit: false))
        {
            return true;
        }

        if (type.IsArray || type.IsPointer || type.IsByRef || type == typeof(object) || type.IsInterface || type.IsAbstract)
        {
            return false;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (ImmutableGenericCollections.Contains(definition))
            {
                return type.GetGenericArguments().All(argument => Compute(argument, visiting));
            }
        }

        // Delegates, tasks and other runtime plumbing are not values.
        if (typeof(Delegate).IsAssignableFrom(type) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
        {
            return false;
        }

        for (var current = type; current is not null && current != typeof(object) && current != typeof(ValueType); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.IsInitOnly || !Compute(field.FieldType, visiting))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
