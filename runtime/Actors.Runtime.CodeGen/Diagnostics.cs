using Microsoft.CodeAnalysis;

namespace Actors.Runtime.CodeGen;

/// <summary>The errors the generator reports on grain interfaces it cannot make proxies for.</summary>
internal static class Diagnostics
{
    private const string Category = "Actors.GrainInterfaces";

    public static readonly DiagnosticDescriptor GenericInterface = new(
        "ACT001", "Generic grain interfaces are not supported",
        "Grain interface '{0}' is generic; declare a non-generic interface per type argument", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GenericMethod = new(
        "ACT002", "Generic grain methods are not supported",
        "Grain method '{0}' is generic; grain methods need concrete parameter types to cross the wire", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor BadReturnType = new(
        "ACT003", "Grain methods return Task or ValueTask",
        "Grain method '{0}' returns '{1}'; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor BadParameter = new(
        "ACT004", "Grain method parameters are passed by value",
        "Parameter '{1}' of grain method '{0}' is ref, out, in or a pointer/ref struct; grain arguments are copied values", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor NonMethodMember = new(
        "ACT005", "Grain interfaces declare only methods",
        "Grain interface '{0}' declares '{1}', which is not a method; properties and events cannot be called remotely", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor InaccessibleInterface = new(
        "ACT006", "Grain interface is not accessible to generated code",
        "Grain interface '{0}' is private or nested in a private type; make it internal or public", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor TwoCancellationTokens = new(
        "ACT007", "At most one CancellationToken parameter",
        "Grain method '{0}' takes more than one CancellationToken", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor OneWayWithResult = new(
        "ACT008", "One-way methods return no value",
        "Grain method '{0}' is [OneWay] but returns a value; one-way methods return Task or ValueTask", Category, DiagnosticSeverity.Error, true);
}
