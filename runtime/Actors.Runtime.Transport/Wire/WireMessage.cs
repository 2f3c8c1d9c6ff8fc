using System.Globalization;
using System.Text;

namespace Actors.Transport;

/// <summary>
/// One message between silos, or between a cluster client and a silo gateway: an envelope the runtime routes by, and
/// an opaque <see cref="Body"/> (serialized arguments, result or error). Encoded by <see cref="WireMessageCodec"/>;
/// fields left at their defaults cost nothing on the wire.
/// </summary>
/// <remarks>
/// A message is mutable while it is being built. Once handed to a connection it must not be changed: the write loop
/// encodes it later, on another thread.
/// </remarks>
public sealed class WireMessage
{
    /// <summary>What the message is.</summary>
    public WireMessageKind Kind { get; set; }

    /// <summary>Per-message switches (read-only, always-interleave, client).</summary>
    public WireMessageFlags Flags { get; set; }

    /// <summary>Pairs a response with its request (and a pong with its ping); unique per sender.</summary>
    public long CorrelationId { get; set; }

    /// <summary>The grain the message is for; <c>default</c> when none (system messages, pings).</summary>
    public GrainId TargetGrain { get; set; }

    /// <summary>The grain that sent the message; <c>default</c> when the caller is not a grain.</summary>
    public GrainId SendingGrain { get; set; }

    /// <summary>The silo the message is for, when the sender knows it.</summary>
    public SiloAddress? TargetSilo { get; set; }

    /// <summary>The silo that sent the message (for a client, the gateway that forwarded it), when known.</summary>
    public SiloAddress? SendingSilo { get; set; }

    /// <summary>The called grain interface's name (requests only).</summary>
    public string? InterfaceName { get; set; }

    /// <summary>The called method's signature within <see cref="InterfaceName"/> (requests only).</summary>
    public string? MethodSignature { get; set; }

    /// <summary>
    /// The time left until the caller's deadline when the message was built, in milliseconds; 0 means no deadline.
    /// The receiver counts it from its own arrival time, so clocks need not agree.
    /// </summary>
    public int TimeoutMilliseconds { get; set; }

    /// <summary>The waiting turns upstream of this request, oldest first, for call-cycle detection; null when none.</summary>
    public WireCallChainEntry[]? CallChain { get; set; }

    /// <summary>The W3C <c>traceparent</c> of the caller's activity, for distributed tracing; null when none.</summary>
    public string? TraceParent { get; set; }

    /// <summary>How many times the message was forwarded between silos (to bound forwarding loops).</summary>
    public byte ForwardCount { get; set; }

    /// <summary>Stale directory entries the receiver should drop from its cache; null when none.</summary>
    public GrainAddress[]? CacheInvalidations { get; set; }

    /// <summary>The serialized payload; opaque to the transport. When read from the wire it owns its own array.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder(128);
        var invariant = CultureInfo.InvariantCulture;
        text.Append(invariant, $"{Kind} #{CorrelationId}");
        if (!SendingGrain.IsDefault || SendingSilo is not null)
        {
            text.Append(invariant, $" from {(SendingGrain.IsDefault ? string.Empty : SendingGrain.ToString())}");
            text.Append(SendingSilo is null ? string.Empty : "@" + SendingSilo);
        }

        if (!TargetGrain.IsDefault || TargetSilo is not null)
        {
            text.Append(invariant, $" to {(TargetGrain.IsDefault ? string.Empty : TargetGrain.ToString())}");
            text.Append(TargetSilo is null ? string.Empty : "@" + TargetSilo);
        }

        if (InterfaceName is not null || MethodSignature is not null)
        {
            text.Append(invariant, $" {InterfaceName}.{MethodSignature}");
        }

        if (Flags != WireMessageFlags.None)
        {
            text.Append(invariant, $" [{Flags}]");
        }

        if (TimeoutMilliseconds != 0)
        {
            text.Append(invariant, $" timeout={TimeoutMilliseconds}ms");
        }

        if (ForwardCount != 0)
        {
            text.Append(invariant, $" forwarded={ForwardCount}");
        }

        if (CallChain is { Length: > 0 } chain)
        {
            text.Append(invariant, $" chain={chain.Length}");
        }

        if (CacheInvalidations is { Length: > 0 } invalidations)
        {
            text.Append(invariant, $" invalidations={invalidations.Length}");
        }

        text.Append(invariant, $" body={Body.Length}B");
        return text.ToString();
    }
}
