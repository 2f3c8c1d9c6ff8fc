using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Actors.Runtime.CodeGen;

/// <summary>Reads grain interfaces from symbols and reports what cannot be generated.</summary>
internal sealed class ModelBuilder
{
    private static readonly SymbolDisplayFormat DeclarationFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat TypeOfFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes)
        .WithGenericsOptions(SymbolDisplayGenericsOptions.IncludeTypeParameters);

    // The wire identity of a method: stable text without "global::" and nullable annotations.
    private static readonly SymbolDisplayFormat SignatureFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private readonly Dictionary<INamedTypeSymbol, InterfaceModel?> _cache = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _usedNames = new();
    private readonly List<Diagnostic> _diagnostics;

    public ModelBuilder(List<Diagnostic> diagnostics)
    {
        _diagnostics = diagnostics;
    }

    public static bool IsGrainInterface(INamedTypeSymbol symbol) =>
        symbol.TypeKind == TypeKind.Interface && symbol.AllInterfaces.Any(IsAddressable);

    /// <summary>The framework's marker interfaces: grain interfaces without methods that nobody calls.</summary>
    public static bool IsMarker(INamedTypeSymbol symbol)
    {
        var name = symbol.ToDisplayString(SignatureFormat);
        return name == "Actors.IAddressable" || (name.StartsWith("Actors.IGrain", System.StringComparison.Ordinal) && symbol.GetMembers().IsEmpty);
    }

    private static bool IsAddressable(INamedTypeSymbol symbol) => symbol.ToDisplayString(SignatureFormat) == "Actors.IAddressable";

    /// <summary>Describes one interface (its own methods only); null when it cannot be generated (errors reported).</summary>
    public InterfaceModel? Describe(INamedTypeSymbol symbol)
    {
        if (_cache.TryGetValue(symbol, out var cached))
        {
            return cached;
        }

        var model = Build(symbol);
        _cache[symbol] = model;
        return model;
    }

    private InterfaceModel? Build(INamedTypeSymbol symbol)
    {
        var location = symbol.Locations.FirstOrDefault();
        var display = symbol.ToDisplayString(SignatureFormat);
        var ok = true;
        if (symbol.IsGenericType)
        {
            Report(Diagnostics.GenericInterface, location, display);
            ok = false;
        }

        for (var container = (ISymbol)symbol; container is INamedTypeSymbol; container = container.ContainingType)
        {
            if (container.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                Report(Diagnostics.InaccessibleInterface, location, display);
                ok = false;
                break;
            }
        }

        var methods = new List<MethodModel>();
        foreach (var member in symbol.GetMembers())
        {
            switch (member)
            {
                case IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false } method:
                    var methodModel = BuildMethod(method);
                    if (methodModel is null)
                    {
                        ok = false;
                    }
                    else
                    {
                        methods.Add(methodModel);
                    }

                    break;
                case IMethodSymbol:
                    break;
                case INamedTypeSymbol:
                    break;
                default:
                    if (!member.IsStatic)
                    {
                        Report(Diagnostics.NonMethodMember, member.Locations.FirstOrDefault() ?? location, display, member.Name);
                        ok = false;
                    }

                    break;
            }
        }

        if (!ok)
        {
            return null;
        }

        var wireName = GetAttribute(symbol, "Actors.GrainInterfaceNameAttribute")?.ConstructorArguments.FirstOrDefault().Value as string ?? display;
        return new InterfaceModel(
            symbol,
            symbol.ToDisplayString(DeclarationFormat),
            symbol.ToDisplayString(TypeOfFormat),
            wireName,
            UniqueName(display),
            methods);
    }

    private MethodModel? BuildMethod(IMethodSymbol method)
    {
        var location = method.Locations.FirstOrDefault();
        var display = method.ContainingType.Name + "." + method.Name;
        if (method.IsGenericMethod)
        {
            Report(Diagnostics.GenericMethod, location, display);
            return null;
        }

        var returnType = method.ReturnType as INamedTypeSymbol;
        var returnName = returnType?.ConstructedFrom.ToDisplayString(SignatureFormat);
        ReturnKind kind;
        ITypeSymbol? resultType = null;
        switch (returnName)
        {
            case "System.Threading.Tasks.Task":
                kind = ReturnKind.Task;
                break;
            case "System.Threading.Tasks.Task<TResult>":
                kind = ReturnKind.TaskOfT;
                resultType = returnType!.TypeArguments[0];
                break;
            case "System.Threading.Tasks.ValueTask":
                kind = ReturnKind.ValueTask;
                break;
            case "System.Threading.Tasks.ValueTask<TResult>":
                kind = ReturnKind.ValueTaskOfT;
                resultType = returnType!.TypeArguments[0];
                break;
            default:
                Report(Diagnostics.BadReturnType, location, display, method.ReturnType.ToDisplayString());
                return null;
        }

        var parameters = new List<ParameterModel>();
        var tokens = 0;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType || parameter.Type.TypeKind == TypeKind.Pointer)
            {
                Report(Diagnostics.BadParameter, parameter.Locations.FirstOrDefault() ?? location, display, parameter.Name);
                return null;
            }

            var isToken = parameter.Type.ToDisplayString(SignatureFormat) == "System.Threading.CancellationToken";
            if (isToken && ++tokens > 1)
            {
                Report(Diagnostics.TwoCancellationTokens, location, display);
                return null;
            }

            parameters.Add(new ParameterModel(
                parameter.Name,
                parameter.Type.ToDisplayString(DeclarationFormat),
                parameter.Type.ToDisplayString(TypeOfFormat),
                isToken,
                IsKnownImmutable(parameter.Type)));
        }

        var options = new List<string>();
        if (HasAttribute(method, "Actors.ReadOnlyAttribute"))
        {
            options.Add("ReadOnly");
        }

        if (HasAttribute(method, "Actors.AlwaysInterleaveAttribute"))
        {
            options.Add("AlwaysInterleave");
        }

        if (HasAttribute(method, "Actors.OneWayAttribute"))
        {
            if (resultType is not null)
            {
                Report(Diagnostics.OneWayWithResult, location, display);
                return null;
            }

            options.Add("OneWay");
        }

        if (tokens > 0)
        {
            options.Add("AcceptsCancellation");
        }

        long? timeoutTicks = null;
        if (GetAttribute(method, "Actors.ResponseTimeoutAttribute")?.ConstructorArguments.FirstOrDefault().Value is string timeoutText
            && System.TimeSpan.TryParse(timeoutText, CultureInfo.InvariantCulture, out var timeout))
        {
            timeoutTicks = timeout.Ticks;
        }

        var optionsExpression = options.Count == 0
            ? "global::Actors.Invocation.GrainMethodOptions.None"
            : string.Join(" | ", options.Select(o => "global::Actors.Invocation.GrainMethodOptions." + o));
        var signature = method.Name + "(" + string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString(SignatureFormat))) + ")";
        return new MethodModel(
            method.Name,
            signature,
            kind,
            method.ReturnType.ToDisplayString(DeclarationFormat),
            resultType?.ToDisplayString(DeclarationFormat),
            resultType is not null && IsKnownImmutable(resultType),
            parameters,
            optionsExpression,
            timeoutTicks);
    }

    // Types whose values need no copy between activations; the runtime decides for all others.
    private static bool IsKnownImmutable(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_String:
            case SpecialType.System_DateTime:
                return true;
        }

        var name = type.ToDisplayString(SignatureFormat).TrimEnd('?');
        return name is "System.Guid" or "System.TimeSpan" or "System.DateTimeOffset" or "System.Threading.CancellationToken";
    }

    private static bool HasAttribute(ISymbol symbol, string attributeName) => GetAttribute(symbol, attributeName) is not null;

    private static AttributeData? GetAttribute(ISymbol symbol, string attributeName) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString(SignatureFormat) == attributeName);

    private string UniqueName(string display)
    {
        var builder = new StringBuilder();
        foreach (var c in display)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        var name = builder.ToString();
        var candidate = name;
        for (var i = 2; !_usedNames.Add(candidate); i++)
        {
            candidate = name + "_" + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private void Report(DiagnosticDescriptor descriptor, Location? location, params object[] arguments) =>
        _diagnostics.Add(Diagnostic.Create(descriptor, location, arguments));
}
