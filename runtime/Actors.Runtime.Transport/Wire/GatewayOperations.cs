namespace Actors.Transport;

/// <summary>
/// The system operations between a cluster client and a silo's gateway: the operation name travels in
/// <see cref="WireMessage.InterfaceName"/> of a <see cref="WireMessageKind.SystemRequest"/>. Written once here so
/// the gateway (which answers) and the client (which asks) cannot drift apart.
/// </summary>
public static class GatewayOperations
{
    /// <summary>Client → gateway: the gateway endpoints of the active silos, <c>{"gateways":["address:port",...]}</c>.</summary>
    public const string Gateways = "gateways";

    /// <summary>
    /// Client → gateway: the grain classes the cluster hosts,
    /// <c>{"grainClasses":[{"grainType","className","interfaces":[wire names]}]}</c>.
    /// </summary>
    public const string Manifest = "manifest";

    /// <summary>Gateway → client, unanswered: the gateway is stopping; send new calls elsewhere.</summary>
    public const string Closing = "closing";
}
