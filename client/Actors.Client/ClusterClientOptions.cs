using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Client;

/// <summary>
/// How a <see cref="ClusterClient"/> reaches its cluster. Checked by <see cref="ClusterClient.ConnectAsync"/>, which
/// throws an <see cref="ArgumentException"/> naming the first invalid option.
/// </summary>
public sealed class ClusterClientOptions
{
    /// <summary>The cluster to join; gateways of another cluster refuse the client. Default "dev".</summary>
    public string ClusterId { get; set; } = "dev";

    /// <summary>
    /// Gateway endpoints to start from, as <c>address:port</c> (for example <c>127.0.0.1:30000</c>, or
    /// <c>[::1]:30000</c>); at least one. They are tried in random order; once connected, the client learns the
    /// gateways of every active silo and keeps that list fresh. Empty by default.
    /// </summary>
    public IList<string> Gateways { get; set; } = [];

    /// <summary>
    /// The deadline of a grain call unless its method (<see cref="ResponseTimeoutAttribute"/>) or its reference
    /// (<c>WithResponseTimeout</c>) sets another; also bounds the client's own requests to gateways. Default 30 s;
    /// 1 ms to 1 h.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the list of gateways (and the cluster's grain manifest) is read again from the connected gateway;
    /// it is also read after every change of gateway. Default 10 s; 10 ms to 1 h.
    /// </summary>
    public TimeSpan GatewayRefreshPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The client's name in gateways' logs; 1 to 256 characters. Default null: a new <c>client-</c> id with a random
    /// suffix per client.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// Source-generated System.Text.Json contexts (or other resolvers) for argument and result types, consulted
    /// before reflection, in order. Use the same ones as the silos. Empty by default; the records of the product's own
    /// grain interfaces (<c>GrainInterfacesJsonContext</c>) are always known, after these.
    /// </summary>
    public IList<IJsonTypeInfoResolver> TypeInfoResolvers { get; } = [];

    /// <summary>The clock deadlines and back-off run on. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the client logs. Default <see cref="NullLoggerFactory.Instance"/> (no logs).</summary>
    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;
}
