using Actors.Invocation;
using Actors.Runtime.Timers;

namespace Actors.Runtime.Messaging;

/// <summary>
/// The envelope of a grain call (and, inside an activation, of any turn). In-silo the request object travels by
/// reference; between silos the same fields are written as a frame.
/// </summary>
internal sealed class Message
{
    /// <summary>Correlates the response with its request; unique per sending silo.</summary>
    public long Id { get; init; }

    public MessageKind Kind { get; init; }

    public GrainId TargetGrain { get; init; }

    /// <summary>The calling grain, when a grain is calling (default otherwise).</summary>
    public GrainId SendingGrain { get; init; }

    public SiloAddress? SendingSilo { get; init; }

    /// <summary>The method and arguments (requests only).</summary>
    public GrainRequest? Request { get; init; }

    /// <summary>The timer whose tick this is (timer ticks only).</summary>
    public GrainTimer? Timer { get; init; }

    /// <summary>TimeProvider timestamp after which nobody waits for the response.</summary>
    public long DeadlineTimestamp { get; init; }

    /// <summary>The turns waiting on this call, first caller first; null when the caller is not a grain.</summary>
    public CallChainEntry[]? CallChain { get; init; }

    /// <summary>The caller's W3C trace context, if any.</summary>
    public string? TraceParent { get; init; }

    /// <summary>May run while other read-only turns run.</summary>
    public bool IsReadOnly { get; init; }

    /// <summary>May run while any other turn runs.</summary>
    public bool IsAlwaysInterleave { get; init; }

    /// <summary>The silo the request was sent to over the network (null while it stays in this silo); its death fails the call.</summary>
    public SiloAddress? TargetSilo { get; set; }

    /// <summary>How often silos passed the request on because the grain was not where the sender thought.</summary>
    public byte ForwardCount { get; set; }

    /// <summary>Directory entries found stale on the way; the response tells the caller to drop them from its cache.</summary>
    public GrainAddress[]? CacheInvalidations { get; set; }

    /// <summary>True when the request came from another silo (its response goes back over the network).</summary>
    public bool IsRemoteOrigin { get; init; }

    /// <summary>Where the response goes: the caller's completion in this process, or a responder to a remote caller.</summary>
    public IResponseSink? ResponseSink { get; set; }

    /// <summary>True when incoming filters ran, so the invocation task carries the (possibly replaced) result boxed.</summary>
    public bool ResultIsBoxed { get; set; }

    /// <summary>Assigned by the activation when the turn starts; the id later chain entries name.</summary>
    public long TurnId { get; set; }

    /// <summary>The task of the running invocation (set by the activation).</summary>
    public Task? InvocationTask { get; set; }

    /// <summary>Cancels the token a cancellable grain method receives (callee side).</summary>
    public CancellationTokenSource? CancellationSource { get; set; }

    /// <summary>Runs the activation's completion handling when <see cref="InvocationTask"/> finishes (set by the activation).</summary>
    public Action? OnInvocationCompleted { get; set; }

    public bool IsExpired(long nowTimestamp) => DeadlineTimestamp != 0 && nowTimestamp > DeadlineTimestamp;

    public override string ToString() => Kind switch
    {
        MessageKind.TimerTick => $"timer tick of {TargetGrain}",
        MessageKind.Activation => $"activation of {TargetGrain}",
        MessageKind.Deactivation => $"deactivation of {TargetGrain}",
        _ => $"{Kind} #{Id} {Request} to {TargetGrain}" + (SendingGrain.IsDefault ? string.Empty : $" from {SendingGrain}"),
    };
}
