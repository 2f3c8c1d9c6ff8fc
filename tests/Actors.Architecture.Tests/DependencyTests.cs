using System.Reflection;

namespace Actors.Architecture.Tests;

/// <summary>
/// Dependencies point one way: runtime ◄ grain-interfaces ◄ grains ◄ silo; the runtime knows nothing of jobs,
/// grains or Docker; the client never sees grain implementations (it shares only the abstractions and the wire
/// layer, Actors.Runtime.Transport, with the silos). Checked on what the assemblies really reference.
/// </summary>
public sealed class DependencyTests
{
    [Theory]
    [InlineData("Actors.Runtime.Abstractions", new string[0])]
    [InlineData("Actors.Runtime.Transport", new[] { "Actors.Runtime.Abstractions" })]
    [InlineData("Actors.Runtime", new[] { "Actors.Runtime.Abstractions", "Actors.Runtime.Transport" })]
    [InlineData("Actors.Runtime.PostgreSql", new[] { "Actors.Runtime", "Actors.Runtime.Abstractions" })]
    [InlineData("Actors.GrainInterfaces", new[] { "Actors.Runtime.Abstractions" })]
    [InlineData("Actors.Grains", new[] { "Actors.GrainInterfaces", "Actors.Runtime", "Actors.Runtime.Abstractions" })]
    [InlineData("Actors.Containers.Docker", new[] { "Actors.Grains" })]
    [InlineData("Actors.Grains.PostgreSql", new[] { "Actors.Grains", "Actors.GrainInterfaces", "Actors.Runtime", "Actors.Runtime.PostgreSql", "Actors.Runtime.Abstractions" })]
    [InlineData("Actors.Client", new[] { "Actors.GrainInterfaces", "Actors.Runtime.Abstractions", "Actors.Runtime.Transport" })]
    [InlineData("actors", new[] { "Actors.Client", "Actors.GrainInterfaces" })]
    public void Assembly_ReferencesOnlyWhatItsLayerMay(string assemblyName, string[] allowed)
    {
        var references = Assembly.Load(assemblyName).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("Actors.", StringComparison.Ordinal))
            .ToHashSet();

        var forbidden = references.Except(allowed).Order().ToList();

        Assert.True(forbidden.Count == 0, $"{assemblyName} references {string.Join(", ", forbidden)}, which its layer may not.");
    }

    [Fact]
    public void Runtime_KnowsNothingAboutJobsOrDocker()
    {
        var runtimeTypes = new[] { "Actors.Runtime", "Actors.Runtime.Abstractions", "Actors.Runtime.Transport", "Actors.Runtime.PostgreSql" }
            .SelectMany(name => Assembly.Load(name).GetTypes())
            .Select(t => t.FullName ?? t.Name);

        var leaks = runtimeTypes.Where(name =>
            name.Contains("Docker", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Container", StringComparison.Ordinal)
            || name.Contains(".Jobs", StringComparison.Ordinal)).ToList();

        Assert.Empty(leaks);
    }
}
