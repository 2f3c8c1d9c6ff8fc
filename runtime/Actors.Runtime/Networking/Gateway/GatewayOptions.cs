using System.ComponentModel.DataAnnotations;

namespace Actors.Runtime.Networking.Gateway;

/// <summary>Settings of the client gateway (configuration section <c>Actors:Gateway</c>); its port is <c>Actors:Silo:GatewayPort</c>.</summary>
internal sealed class GatewayOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Actors:Gateway";

    /// <summary>
    /// On a graceful stop, how long the gateway waits for the calls in flight through it to complete and for its
    /// clients to move to other gateways before it closes the remaining connections (whose calls then fail at the
    /// client with <see cref="SiloUnavailableException"/>). Default 10 s; 0 to 10 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
