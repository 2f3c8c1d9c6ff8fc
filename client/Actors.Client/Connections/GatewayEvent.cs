using System.Net;

namespace Actors.Client.Connections;

/// <summary>What happened to a gateway connection (raised for diagnostics and tests).</summary>
internal enum GatewayEventKind
{
    /// <summary>The client now sends its calls to this gateway.</summary>
    Connected,

    /// <summary>The gateway said it is shutting down; new calls go elsewhere, calls in flight there complete.</summary>
    Closing,

    /// <summary>The connection closed; calls in flight on it failed with <see cref="SiloUnavailableException"/>.</summary>
    Lost,
}

/// <summary>A change of a gateway connection.</summary>
internal readonly record struct GatewayEvent(GatewayEventKind Kind, IPEndPoint Gateway);
