using Actors.Client.Manifest;
using Actors.Client.Tests.Grains;

namespace Actors.Client.Tests;

/// <summary>Units of the client's grain type resolution, on manifests built by hand.</summary>
public sealed class ClusterManifestTests
{
    private const string Greeter = "Actors.Client.Tests.Grains.IGreeterGrain";

    [Fact]
    public void ResolveGrainType_OneClass_IsThatClass()
    {
        var manifest = CreateSut(Entry("english", "Ns.EnglishGreeterGrain", Greeter));

        Assert.Equal("english", manifest.ResolveGrainType(typeof(IGreeterGrain), Greeter, null).Value);
    }

    [Fact]
    public void ResolveGrainType_SeveralClassesAndAPrefix_IsTheOneMatching()
    {
        var manifest = CreateSut(Entry("english", "Ns.EnglishGreeterGrain", Greeter), Entry("french", "Ns.FrenchGreeterGrain", Greeter));

        Assert.Equal("french", manifest.ResolveGrainType(typeof(IGreeterGrain), Greeter, "Ns.Fr").Value);
        Assert.Throws<ArgumentException>(() => manifest.ResolveGrainType(typeof(IGreeterGrain), Greeter, null));
    }

    [Fact]
    public void ResolveGrainType_SeveralClasses_PrefersTheConventionalName()
    {
        var manifest = CreateSut(Entry("special", "Ns.SpecialGreeterGrain", Greeter), Entry("greeter", "Ns.Outer+GreeterGrain", Greeter));

        Assert.Equal("greeter", manifest.ResolveGrainType(typeof(IGreeterGrain), Greeter, null).Value);
    }

    [Fact]
    public void ResolveGrainType_NoClass_ThrowsNamingTheInterface()
    {
        var manifest = CreateSut(Entry("other", "Ns.OtherGrain", "Ns.IOtherGrain"));

        var error = Assert.Throws<ArgumentException>(() => manifest.ResolveGrainType(typeof(IGreeterGrain), Greeter, null));

        Assert.Contains(typeof(IGreeterGrain).FullName!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_ManifestsOfSeveralGateways_AreUnited()
    {
        var manifest = CreateSut(Entry("english", "Ns.EnglishGreeterGrain", Greeter));

        manifest.Merge([Entry("french", "Ns.FrenchGreeterGrain", Greeter), Entry("english", "Ns.EnglishGreeterGrain", Greeter)]);

        Assert.Equal(2, manifest.Classes.Count);
        Assert.Equal("english", manifest.ResolveGrainType(typeof(IGreeterGrain), Greeter, "Ns.En").Value);
        Assert.Equal("french", manifest.ResolveGrainType(typeof(IGreeterGrain), Greeter, "Ns.Fr").Value);
    }

    private static ClusterManifest CreateSut(params GrainClassEntry[] entries)
    {
        var manifest = new ClusterManifest();
        manifest.Merge(entries);
        return manifest;
    }

    private static GrainClassEntry Entry(string grainType, string className, params string[] interfaces) =>
        new(new GrainType(grainType), className, interfaces);
}
