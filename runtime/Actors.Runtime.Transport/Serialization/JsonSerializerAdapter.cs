using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Actors.Serialization;

namespace Actors.Transport.Serialization;

/// <summary>
/// <see cref="ISerializer"/> on System.Text.Json. Source-generated contexts registered through
/// <see cref="SerializationOptions.TypeInfoResolvers"/> come first; reflection covers the rest.
/// </summary>
public sealed class JsonSerializerAdapter : ISerializer
{
    /// <summary>Creates the serializer; <paramref name="grainReferences"/> reads references bound to this process.</summary>
    public JsonSerializerAdapter(SerializationOptions options, GrainReferenceJsonConverterFactory grainReferences)
    {
        var resolvers = new List<IJsonTypeInfoResolver>(options.TypeInfoResolvers) { new DefaultJsonTypeInfoResolver() };
        Options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers]),
            IncludeFields = true,
            WriteIndented = false,

            // camelCase like the HTTP API, so state in jsonb and values on the wire read the same everywhere.
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        };
        Options.Converters.Add(grainReferences);
        Options.MakeReadOnly();
    }

    /// <summary>The options every value is written with.</summary>
    public JsonSerializerOptions Options { get; }

    /// <inheritdoc />
    public void Serialize<T>(T value, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output);
        JsonSerializer.Serialize(writer, value, Options);
    }

    /// <inheritdoc />
    public T Deserialize<T>(ReadOnlySpan<byte> input) => JsonSerializer.Deserialize<T>(input, Options)!;

    /// <inheritdoc />
    public void Serialize(object? value, Type type, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output);
        JsonSerializer.Serialize(writer, value, type, Options);
    }

    /// <inheritdoc />
    public object? Deserialize(ReadOnlySpan<byte> input, Type type) => JsonSerializer.Deserialize(input, type, Options);

    /// <inheritdoc />
    public IFieldWriter CreateFieldWriter(IBufferWriter<byte> output) => new LengthPrefixedFieldWriter(this, output);

    /// <inheritdoc />
    public IFieldReader CreateFieldReader(ReadOnlyMemory<byte> input) => new LengthPrefixedFieldReader(this, input);
}
