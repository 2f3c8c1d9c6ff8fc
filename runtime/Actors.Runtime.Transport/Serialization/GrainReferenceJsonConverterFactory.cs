using System.Text.Json;
using System.Text.Json.Serialization;
using Actors.Invocation;

namespace Actors.Transport.Serialization;

/// <summary>
/// Writes grain references (declared as a grain interface or as a proxy type) as <c>{"id":"type/key","interface":"name"}</c>
/// and reads them back as live references bound to this process's runtime (a silo's or a cluster client's).
/// </summary>
/// <remarks>The resolver is obtained on first use: it depends on the runtime, which depends on this serializer.</remarks>
public sealed class GrainReferenceJsonConverterFactory(Func<IGrainReferenceResolver> resolver) : JsonConverterFactory
{
    private readonly Func<IGrainReferenceResolver> _getResolver = resolver;
    private IGrainReferenceResolver? _resolver;

    private IGrainReferenceResolver Resolver => _resolver ??= _getResolver();

    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) =>
        typeof(GrainReference).IsAssignableFrom(typeToConvert)
        || (typeToConvert.IsInterface && typeof(IAddressable).IsAssignableFrom(typeToConvert));

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)System.Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), this)!;

    private sealed class Converter<T>(GrainReferenceJsonConverterFactory owner) : JsonConverter<T>
        where T : class
    {
        private readonly GrainReferenceJsonConverterFactory _owner = owner;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("A grain reference is written as an object.");
            }

            string? id = null;
            string? interfaceName = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var property = reader.GetString();
                reader.Read();
                switch (property)
                {
                    case "id":
                        id = reader.GetString();
                        break;
                    case "interface":
                        interfaceName = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (id is null || interfaceName is null || !GrainId.TryParse(id, out var grainId))
            {
                throw new JsonException("A grain reference needs an 'id' (type/key) and an 'interface'.");
            }

            return (T)(object)_owner.Resolver.CreateReference(grainId, interfaceName);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (value is not GrainReference reference)
            {
                throw new JsonException($"Only grain references can be serialized as {typeof(T).Name}; a grain instance cannot leave its activation.");
            }

            writer.WriteStartObject();
            writer.WriteString("id", reference.GrainId.ToString());
            writer.WriteString("interface", reference.Interface.Name);
            writer.WriteEndObject();
        }
    }
}
