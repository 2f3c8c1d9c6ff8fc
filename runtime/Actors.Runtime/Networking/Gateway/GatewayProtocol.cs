using System.Buffers;
using System.Text.Json;

namespace Actors.Runtime.Networking.Gateway;

/// <summary>
/// The gateway's side of the system requests named in <see cref="Transport.GatewayOperations"/> (the bodies it
/// writes); the cluster client reads them. Another operation is answered with a <see cref="NotSupportedException"/>.
/// </summary>
internal static class GatewayProtocol
{
    /// <summary>The body of a <c>gateways</c> response.</summary>
    public static ReadOnlyMemory<byte> WriteGateways(IEnumerable<string> endpoints)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("gateways");
            foreach (var endpoint in endpoints)
            {
                writer.WriteStringValue(endpoint);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    /// <summary>The body of a <c>manifest</c> response.</summary>
    public static ReadOnlyMemory<byte> WriteManifest(IEnumerable<ManifestEntry> grainClasses)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("grainClasses");
            foreach (var grainClass in grainClasses)
            {
                writer.WriteStartObject();
                writer.WriteString("grainType", grainClass.GrainType);
                writer.WriteString("className", grainClass.ClassName);
                writer.WriteStartArray("interfaces");
                foreach (var name in grainClass.Interfaces)
                {
                    writer.WriteStringValue(name);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    /// <summary>One grain class in a <c>manifest</c> response.</summary>
    /// <param name="GrainType">The grain type (the first part of its grain ids).</param>
    /// <param name="ClassName">The class's full name; clients match <c>GetGrain</c>'s class name prefix against it.</param>
    /// <param name="Interfaces">The wire names of the grain interfaces the class implements.</param>
    internal sealed record ManifestEntry(string GrainType, string ClassName, IReadOnlyList<string> Interfaces);
}
