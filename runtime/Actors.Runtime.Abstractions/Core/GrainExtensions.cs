using Actors.Invocation;

namespace Actors;

/// <summary>Key and reference helpers for grain references and grain instances.</summary>
public static class GrainExtensions
{
    /// <summary>The id of a grain reference or grain instance.</summary>
    public static GrainId GetGrainId(this IAddressable grain) => grain switch
    {
        GrainReference reference => reference.GrainId,
        Grain instance => instance.GrainId,
        null => throw new ArgumentNullException(nameof(grain)),
        _ => throw new ArgumentException($"{grain.GetType().Name} is neither a grain reference nor a grain.", nameof(grain)),
    };

    /// <summary>The string key.</summary>
    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;

    /// <summary>The Guid key (of a Guid or Guid compound keyed grain).</summary>
    public static Guid GetPrimaryKey(this IAddressable grain) => GrainKeyFormat.ParseGuid(grain.GetGrainId().Key, out _);

    /// <summary>The Guid key and its extension.</summary>
    public static Guid GetPrimaryKey(this IAddressable grain, out string? keyExtension) =>
        GrainKeyFormat.ParseGuid(grain.GetGrainId().Key, out keyExtension);

    /// <summary>The integer key (of an integer or integer compound keyed grain).</summary>
    public static long GetPrimaryKeyLong(this IAddressable grain) => GrainKeyFormat.ParseLong(grain.GetGrainId().Key, out _);

    /// <summary>The integer key and its extension.</summary>
    public static long GetPrimaryKeyLong(this IAddressable grain, out string? keyExtension) =>
        GrainKeyFormat.ParseLong(grain.GetGrainId().Key, out keyExtension);

    /// <summary>The same grain through another interface.</summary>
    public static TGrainInterface AsReference<TGrainInterface>(this IAddressable grain)
        where TGrainInterface : IAddressable => grain switch
        {
            GrainReference reference => reference.Shared.Runtime.Cast<TGrainInterface>(reference),
            Grain instance => instance.GrainContext.GrainFactory.GetGrain<TGrainInterface>(instance.GrainId),
            _ => throw new ArgumentException("Not a grain reference or grain.", nameof(grain)),
        };

    /// <summary>The same grain reference, with <paramref name="timeout"/> as the deadline of its calls.</summary>
    public static TGrainInterface WithResponseTimeout<TGrainInterface>(this TGrainInterface grain, TimeSpan timeout)
        where TGrainInterface : IAddressable => grain is GrainReference reference
            ? (TGrainInterface)(object)reference.WithResponseTimeout(timeout)
            : throw new ArgumentException("Only grain references have a response timeout.", nameof(grain));
}
