using System.Net;
using Actors.Transport;

namespace Actors.Runtime.Transport.Tests.Support;

/// <summary>Messages, preambles and addresses the tests build.</summary>
internal static class TestMessages
{
    public const string ClusterId = "test-cluster";

    public static SiloAddress Silo(int port = 11111, long generation = 1000) => new(new IPEndPoint(IPAddress.Loopback, port), generation);

    public static ConnectionPreamble SiloPreamble(long generation = 1000, string clusterId = ClusterId) =>
        new(ConnectionRole.Silo, clusterId, Silo(generation: generation), null);

    public static ConnectionPreamble ClientPreamble(string clientId = "client-1", string clusterId = ClusterId) =>
        new(ConnectionRole.Client, clusterId, null, clientId);

    /// <summary>Accepts any peer of <see cref="ClusterId"/>.</summary>
    public static string? SameCluster(ConnectionPreamble remote) =>
        remote.ClusterId == ClusterId ? null : $"cluster id '{remote.ClusterId}' is not '{ClusterId}'";

    public static WireMessage Request(long correlationId, int bodyBytes = 16)
    {
        var body = new byte[bodyBytes];
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = (byte)(correlationId + i);
        }

        return new WireMessage
        {
            Kind = WireMessageKind.Request,
            CorrelationId = correlationId,
            TargetGrain = new GrainId(new GrainType("counter"), "k" + correlationId),
            InterfaceName = "ICounterGrain",
            MethodSignature = "IncrementAsync()",
            Body = body,
        };
    }

    /// <summary>A message with every field set, including non-ASCII strings and an IPv6 silo.</summary>
    public static WireMessage Full(int bodyBytes = 300)
    {
        var body = new byte[bodyBytes];
        new Random(42).NextBytes(body);
        var ipv6Silo = new SiloAddress(new IPEndPoint(IPAddress.Parse("fe80::1%3"), 30000), long.MaxValue);
        return new WireMessage
        {
            Kind = WireMessageKind.Request,
            Flags = WireMessageFlags.ReadOnly | WireMessageFlags.AlwaysInterleave | WireMessageFlags.IsClient,
            CorrelationId = -1234567890123L,
            TargetGrain = new GrainId(new GrainType("tâche"), "clé/🚀/ключ"),
            SendingGrain = new GrainId(new GrainType("caller"), "42"),
            TargetSilo = Silo(11112, 7),
            SendingSilo = ipv6Silo,
            InterfaceName = "Actors.Grains.IÜnïcødeGrain",
            MethodSignature = "DoAsync(System.String,Int32)",
            TimeoutMilliseconds = -5,
            CallChain =
            [
                new WireCallChainEntry(new GrainId(new GrainType("a"), "1"), 1),
                new WireCallChainEntry(new GrainId(new GrainType("b"), "日本語"), long.MinValue),
                new WireCallChainEntry(default, 0),
            ],
            TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            ForwardCount = 255,
            CacheInvalidations =
            [
                new GrainAddress(new GrainId(new GrainType("x"), "y"), Silo(9999, 3), Guid.NewGuid()),
                new GrainAddress(new GrainId(new GrainType("z"), string.Empty), ipv6Silo, Guid.Empty),
            ],
            Body = body,
        };
    }
}
