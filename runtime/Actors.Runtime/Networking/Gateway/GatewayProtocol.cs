using System.Buffers;
using System.Text.Json;

namespace Actors.Runtime.Networking.Gateway;

/// <summary>
/// The system requests between a cluster client and a gateway: <see cref="Transport.WireMessageKind.SystemRequest"/>
/// messages whose <c>InterfaceName</c> names the operation. The cluster client (Actors.Client) holds the same names
/// and reads the same JSON; change both together.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>gateways</c> (client to gateway): answered with a SystemResponse whose body is
/// <c>{"gateways":["127.0.0.1:30000",...]}</c>, the gateway endpoints of the silos Active in the gateway's view.</item>
/// <item><c>manifest</c> (client to gateway): answered with
/// <c>{"grainClasses":[{"grainType":"echo","className":"Ns.EchoGrain","interfaces":["Ns.IEchoGrain"]}]}</c>, the
/// grain classes of the gateway's silo with the wire names of the grain interfaces each implements.</item>
/// <item><c>closing</c> (gateway to client, no answer): the gateway is stopping; the client sends new calls
/// elsewhere, and closes the connection once the calls it has in flight on it have completed.</item>
/// </list>
/// Another operation is answered with an ErrorResponse carrying a <see cref="NotSupportedException"/>.
/// </remarks>
internal static class GatewayProtocol
{
    public const string Gateways = "gateways";

    public const string Manifest = "manifest";

    public const string Closing = "closing";

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
