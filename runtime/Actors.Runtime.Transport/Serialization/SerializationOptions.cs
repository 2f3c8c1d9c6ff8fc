using System.Text.Json.Serialization.Metadata;

namespace Actors.Transport.Serialization;

/// <summary>How values are serialized.</summary>
public sealed class SerializationOptions
{
    /// <summary>
    /// Source-generated System.Text.Json contexts (or other resolvers) for argument, result and state types,
    /// consulted before reflection. Empty by default.
    /// </summary>
    public IList<IJsonTypeInfoResolver> TypeInfoResolvers { get; } = [];
}
