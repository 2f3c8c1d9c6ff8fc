using System.Net;
using System.Text.Json;
using Actors.Client.Manifest;

namespace Actors.Client.Connections;

/// <summary>The client's side of the system requests named in <see cref="Transport.GatewayOperations"/>: reading the gateway's answers.</summary>
internal static class GatewayProtocol
{
    /// <summary>Reads a <c>gateways</c> response; endpoints that do not parse are skipped.</summary>
    /// <exception cref="JsonException">The body is not a gateways response.</exception>
    public static IReadOnlyList<IPEndPoint> ReadGateways(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var result = new List<IPEndPoint>();
        foreach (var item in Property(document.RootElement, "gateways").EnumerateArray())
        {
            if (ClusterClientOptionsValidator.TryParseEndPoint(item.GetString(), out var endpoint) && !result.Contains(endpoint))
            {
                result.Add(endpoint);
            }
        }

        return result;
    }

    /// <summary>Reads a <c>manifest</c> response.</summary>
    /// <exception cref="JsonException">The body is not a manifest response.</exception>
    public static IReadOnlyList<GrainClassEntry> ReadManifest(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var result = new List<GrainClassEntry>();
        foreach (var item in Property(document.RootElement, "grainClasses").EnumerateArray())
        {
            var grainType = Property(item, "grainType").GetString();
            var className = Property(item, "className").GetString();
            if (string.IsNullOrEmpty(grainType) || string.IsNullOrEmpty(className))
            {
                throw new JsonException("A manifest entry needs a grainType and a className.");
            }

            var interfaces = Property(item, "interfaces").EnumerateArray().Select(static i => i.GetString()).OfType<string>().ToArray();
            result.Add(new GrainClassEntry(new GrainType(grainType), className, interfaces));
        }

        return result;
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new JsonException($"The gateway's answer has no '{name}'.");
}
