using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Actors.Runtime.CodeGen;

/// <summary>How a grain method returns.</summary>
internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

/// <summary>One parameter of a grain method.</summary>
internal sealed class ParameterModel
{
    public ParameterModel(string name, string type, string typeOfType, bool isCancellationToken, bool isKnownImmutable)
    {
        Name = name;
        Type = type;
        TypeOfType = typeOfType;
        IsCancellationToken = isCancellationToken;
        IsKnownImmutable = isKnownImmutable;
    }

    public string Name { get; }

    /// <summary>The type as written in declarations (fully qualified, with nullable annotations).</summary>
    public string Type { get; }

    /// <summary>The type as written inside typeof() (no nullable annotations).</summary>
    public string TypeOfType { get; }

    public bool IsCancellationToken { get; }

    public bool IsKnownImmutable { get; }
}

/// <summary>One grain method, as the emitter needs it.</summary>
internal sealed class MethodModel
{
    public MethodModel(
        string name,
        string signature,
        ReturnKind returnKind,
        string returnType,
        string? resultType,
        bool resultIsKnownImmutable,
        IReadOnlyList<ParameterModel> parameters,
        string options,
        long? responseTimeoutTicks)
    {
        Name = name;
        Signature = signature;
        ReturnKind = returnKind;
        ReturnType = returnType;
        ResultType = resultType;
        ResultIsKnownImmutable = resultIsKnownImmutable;
        Parameters = parameters;
        Options = options;
        ResponseTimeoutTicks = responseTimeoutTicks;
    }

    public string Name { get; }

    /// <summary>Stable wire identity: name and parameter types.</summary>
    public string Signature { get; }

    public ReturnKind ReturnKind { get; }

    /// <summary>The declared return type.</summary>
    public string ReturnType { get; }

    /// <summary>T of Task&lt;T&gt;/ValueTask&lt;T&gt;, or null for methods with no value.</summary>
    public string? ResultType { get; }

    public bool ResultIsKnownImmutable { get; }

    public IReadOnlyList<ParameterModel> Parameters { get; }

    /// <summary>A C# expression of GrainMethodOptions.</summary>
    public string Options { get; }

    public long? ResponseTimeoutTicks { get; }

    public bool IsOneWay => Options.Contains("OneWay");

    /// <summary>The request's TResult: the method's result type, or object for methods with no value.</summary>
    public string RequestResultType => ResultType ?? "object";
}

/// <summary>A grain interface: the methods it declares itself.</summary>
internal sealed class InterfaceModel
{
    public InterfaceModel(INamedTypeSymbol symbol, string type, string typeOfType, string wireName, string generatedName, IReadOnlyList<MethodModel> methods)
    {
        Symbol = symbol;
        Type = type;
        TypeOfType = typeOfType;
        WireName = wireName;
        GeneratedName = generatedName;
        Methods = methods;
    }

    public INamedTypeSymbol Symbol { get; }

    public string Type { get; }

    public string TypeOfType { get; }

    public string WireName { get; }

    /// <summary>A valid identifier unique in the assembly, prefix of the generated types.</summary>
    public string GeneratedName { get; }

    public IReadOnlyList<MethodModel> Methods { get; }
}
