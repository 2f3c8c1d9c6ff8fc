using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Actors.Runtime.CodeGen;

/// <summary>
/// Generates proxies and request classes for the grain interfaces declared in a compilation, plus descriptions
/// of the interfaces they inherit from other assemblies, and one manifest per assembly.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrainCodeGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var interfaces = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax,
                static (ctx, ct) => ctx.SemanticModel.GetDeclaredSymbol((InterfaceDeclarationSyntax)ctx.Node, ct) as INamedTypeSymbol)
            .Where(static symbol => symbol is not null && ModelBuilder.IsGrainInterface(symbol))
            .Collect();

        context.RegisterSourceOutput(context.CompilationProvider.Combine(interfaces), static (spc, input) => Execute(spc, input.Left, input.Right!));
    }

    private static void Execute(SourceProductionContext context, Compilation compilation, ImmutableArray<INamedTypeSymbol> declared)
    {
        var diagnostics = new List<Diagnostic>();
        var builder = new ModelBuilder(diagnostics);
        var generatedNamespace = "ActorsGenerated." + Sanitize(compilation.AssemblyName ?? "Assembly");
        var described = new List<InterfaceModel>();
        var describedSet = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var files = new Dictionary<string, StringBuilder>();

        foreach (var symbol in declared.Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default).OrderBy(s => s.ToDisplayString()))
        {
            if (ModelBuilder.IsMarker(symbol))
            {
                continue;
            }

            var model = builder.Describe(symbol);
            if (model is null)
            {
                continue;
            }

            // Every method the proxy implements: this interface's own and those of each grain interface it extends.
            var implemented = new List<InterfaceModel> { model };
            var complete = true;
            foreach (var inherited in symbol.AllInterfaces.Where(i => ModelBuilder.IsGrainInterface(i) && !ModelBuilder.IsMarker(i)))
            {
                var inheritedModel = builder.Describe(inherited);
                if (inheritedModel is null)
                {
                    complete = false;
                    break;
                }

                implemented.Add(inheritedModel);
            }

            if (!complete)
            {
                continue;
            }

            var proxyName = model.GeneratedName + "_Proxy";
            var sb = new StringBuilder();
            SourceEmitter.WriteInterface(sb, model, proxyName);
            SourceEmitter.WriteProxy(sb, model, proxyName, implemented);
            files[model.GeneratedName] = sb;
            described.Add(model);
            describedSet.Add(symbol);

            foreach (var inheritedModel in implemented.Skip(1))
            {
                if (describedSet.Add(inheritedModel.Symbol) && !SymbolEqualityComparer.Default.Equals(inheritedModel.Symbol.ContainingAssembly, compilation.Assembly))
                {
                    var inheritedSource = new StringBuilder();
                    SourceEmitter.WriteInterface(inheritedSource, inheritedModel, proxyName: null);
                    files[inheritedModel.GeneratedName] = inheritedSource;
                    described.Add(inheritedModel);
                }
            }
        }

        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic);
        }

        if (described.Count == 0)
        {
            return;
        }

        foreach (var pair in files)
        {
            var text = SourceEmitter.Header(generatedNamespace) + pair.Value + "}\n";
            context.AddSource(pair.Key + ".g.cs", SourceText.From(text, Encoding.UTF8));
        }

        context.AddSource("GrainManifest.g.cs", SourceText.From(SourceEmitter.Manifest(generatedNamespace, described), Encoding.UTF8));
    }

    private static string Sanitize(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name)
        {
            sb.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return sb.ToString();
    }
}
