using System.Reflection;

namespace Actors.Invocation;

/// <summary>
/// One method of a grain interface as generated code describes it: its wire identity
/// (<see cref="InterfaceName"/> + <see cref="Signature"/>), its scheduling options and how to make an empty request.
/// </summary>
public sealed class GrainMethodDescriptor
{
    private readonly Func<GrainRequest> _createRequest;
    private readonly Func<MethodInfo> _resolveMethodInfo;
    private MethodInfo? _methodInfo;

    /// <summary>Created by generated code.</summary>
    public GrainMethodDescriptor(
        Type interfaceType,
        string interfaceName,
        string name,
        string signature,
        GrainMethodOptions options,
        TimeSpan? responseTimeout,
        Func<GrainRequest> createRequest,
        Func<MethodInfo> resolveMethodInfo)
    {
        InterfaceType = interfaceType;
        InterfaceName = interfaceName;
        Name = name;
        Signature = signature;
        Options = options;
        ResponseTimeout = responseTimeout;
        _createRequest = createRequest;
        _resolveMethodInfo = resolveMethodInfo;
    }

    /// <summary>The interface that declares the method.</summary>
    public Type InterfaceType { get; }

    /// <summary>The declaring interface's stable wire name.</summary>
    public string InterfaceName { get; }

    /// <summary>The method name.</summary>
    public string Name { get; }

    /// <summary>Name and parameter types, for example <c>PingAsync(System.Int32)</c>: the method's stable wire identity.</summary>
    public string Signature { get; }

    /// <summary>Scheduling and delivery options.</summary>
    public GrainMethodOptions Options { get; }

    /// <summary>The method's own deadline from <see cref="ResponseTimeoutAttribute"/>, if any.</summary>
    public TimeSpan? ResponseTimeout { get; }

    /// <summary>True for [ReadOnly] methods.</summary>
    public bool IsReadOnly => (Options & GrainMethodOptions.ReadOnly) != 0;

    /// <summary>True for [AlwaysInterleave] methods.</summary>
    public bool IsAlwaysInterleave => (Options & GrainMethodOptions.AlwaysInterleave) != 0;

    /// <summary>True for [OneWay] methods.</summary>
    public bool IsOneWay => (Options & GrainMethodOptions.OneWay) != 0;

    /// <summary>True when the method takes a CancellationToken.</summary>
    public bool AcceptsCancellation => (Options & GrainMethodOptions.AcceptsCancellation) != 0;

    /// <summary>The interface method, resolved on first use (call filters read it; the hot path does not).</summary>
    public MethodInfo MethodInfo => _methodInfo ??= _resolveMethodInfo();

    /// <summary>An empty request for this method, to deserialize arguments into.</summary>
    public GrainRequest CreateRequest() => _createRequest();

    /// <inheritdoc />
    public override string ToString() => InterfaceName + "." + Signature;
}
