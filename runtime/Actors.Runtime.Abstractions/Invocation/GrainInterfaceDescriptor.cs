namespace Actors.Invocation;

/// <summary>A grain interface as generated code describes it: its wire name, the methods it declares and its proxy.</summary>
public sealed class GrainInterfaceDescriptor
{
    private readonly Dictionary<string, GrainMethodDescriptor> _methodsBySignature;

    /// <summary>Created by generated code.</summary>
    public GrainInterfaceDescriptor(
        Type interfaceType,
        string name,
        IReadOnlyList<GrainMethodDescriptor> methods,
        Func<GrainReferenceShared, GrainId, GrainReference>? createProxy)
    {
        InterfaceType = interfaceType;
        Name = name;
        Methods = methods;
        CreateProxy = createProxy;
        _methodsBySignature = methods.ToDictionary(m => m.Signature, StringComparer.Ordinal);
    }

    /// <summary>The interface type.</summary>
    public Type InterfaceType { get; }

    /// <summary>The stable wire name (the full type name unless <see cref="GrainInterfaceNameAttribute"/> says otherwise).</summary>
    public string Name { get; }

    /// <summary>The methods the interface itself declares (inherited ones belong to their own interfaces).</summary>
    public IReadOnlyList<GrainMethodDescriptor> Methods { get; }

    /// <summary>Makes a proxy that implements the interface and all it inherits; null when only methods were described.</summary>
    public Func<GrainReferenceShared, GrainId, GrainReference>? CreateProxy { get; }

    /// <summary>Finds a declared method by its signature.</summary>
    public GrainMethodDescriptor? FindMethod(string signature) =>
        _methodsBySignature.TryGetValue(signature, out var method) ? method : null;

    /// <inheritdoc />
    public override string ToString() => Name;
}
