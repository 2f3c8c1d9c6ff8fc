using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Actors.Runtime.CodeGen.Tests;

public sealed class GrainCodeGeneratorTests
{
    [Fact]
    public void ValidInterface_GeneratesCodeThatCompiles()
    {
        var (output, diagnostics) = Run("""
            using System.Threading;
            using System.Threading.Tasks;
            namespace Sample;
            public interface IBase : Actors.IGrainWithStringKey { Task<int> CountAsync(); }
            public interface IThing : IBase
            {
                Task<string?> NameAsync(string? prefix, int[] values, CancellationToken token);
                [Actors.ReadOnly] ValueTask<long> ReadAsync();
                [Actors.OneWay] Task FireAsync(System.Guid id);
                ValueTask DoAsync();
            }
            """);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error));
        var generated = string.Join("\n", output.SyntaxTrees.Skip(1).Select(t => t.ToString()));
        Assert.Contains("Sample_IThing_Proxy", generated, StringComparison.Ordinal);
        Assert.Contains("\"NameAsync(string,int[],System.Threading.CancellationToken)\"", generated, StringComparison.Ordinal);
        Assert.Contains("GrainMethodOptions.ReadOnly", generated, StringComparison.Ordinal);
        Assert.Contains("GrainMethodOptions.OneWay", generated, StringComparison.Ordinal);
        Assert.Contains("GrainMethodOptions.AcceptsCancellation", generated, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("int Count();", "ACT003")]
    [InlineData("Task<T> GetAsync<T>();", "ACT002")]
    [InlineData("Task SetAsync(ref int value);", "ACT004")]
    [InlineData("int Value { get; }", "ACT005")]
    [InlineData("[Actors.OneWay] Task<int> FireAsync();", "ACT008")]
    [InlineData("Task TwoAsync(CancellationToken a, CancellationToken b);", "ACT007")]
    public void UnsupportedMember_IsReportedAsAnError(string member, string diagnosticId)
    {
        var (_, diagnostics) = Run($$"""
            using System.Threading;
            using System.Threading.Tasks;
            namespace Sample;
            public interface IBad : Actors.IGrainWithStringKey { {{member}} }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(diagnosticId, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void GenericInterface_IsReported()
    {
        var (_, diagnostics) = Run("""
            namespace Sample;
            public interface IBox<T> : Actors.IGrainWithStringKey { System.Threading.Tasks.Task<T> GetAsync(); }
            """);

        Assert.Contains(diagnostics, d => d.Id == "ACT001");
    }

    private static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(string source)
    {
        var references = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && !string.IsNullOrEmpty(a.Location))
            .Select(a => MetadataReference.CreateFromFile(a.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Actors.IGrain).Assembly.Location));
        var compilation = CSharpCompilation.Create(
            "Sample",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new GrainCodeGenerator());
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, diagnostics);
    }
}
