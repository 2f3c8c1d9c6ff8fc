using Actors.Client.Tests.Grains;
using Actors.Client.Tests.Support;

namespace Actors.Client.Tests;

/// <summary>The client maps a grain interface to a grain type from the cluster's manifest, by the silo's rules.</summary>
public sealed class ClusterClientGrainTypeTests(ClientClusterFixture fixture) : IClassFixture<ClientClusterFixture>
{
    private ClusterClient Client => fixture.Client;

    [Fact]
    public async Task GetGrain_InterfaceWithSeveralClasses_NeedsAPrefix()
    {
        var error = Assert.Throws<ArgumentException>(() => Client.GetGrain<IGreeterGrain>("g"));

        Assert.Contains("EnglishGreeterGrain", error.Message, StringComparison.Ordinal);
        Assert.Contains("FrenchGreeterGrain", error.Message, StringComparison.Ordinal);
        Assert.Contains("prefix", error.Message, StringComparison.Ordinal);
        Assert.Equal("bonjour", await Client.GetGrain<IGreeterGrain>("g", "Actors.Client.Tests.Grains.French").GreetAsync());
        Assert.Equal("hello", await Client.GetGrain<IGreeterGrain>("g", "Actors.Client.Tests.Grains.English").GreetAsync());
    }

    [Fact]
    public void GetGrain_PrefixMatchingNoneOrSeveral_IsRejected()
    {
        var none = Assert.Throws<ArgumentException>(() => Client.GetGrain<IGreeterGrain>("g", "Nope."));
        var several = Assert.Throws<ArgumentException>(() => Client.GetGrain<IGreeterGrain>("g", "Actors.Client.Tests.Grains."));

        Assert.Equal("grainClassNamePrefix", none.ParamName);
        Assert.StartsWith("0 grain classes", none.Message, StringComparison.Ordinal);
        Assert.StartsWith("2 grain classes", several.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetGrain_InterfaceWithAConventionalClass_PicksIt()
    {
        Assert.Equal("shape", await Client.GetGrain<IShapeGrain>("s").NameAsync());
        Assert.Equal("circle", await Client.GetGrain<IShapeGrain>("s", "Actors.Client.Tests.Grains.Circle").NameAsync());
    }

    [Fact]
    public void GetGrain_InterfaceNoSiloHosts_IsRejectedWithAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => Client.GetGrain<IUnhostedGrain>("u"));

        Assert.Contains("No silo", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(IUnhostedGrain).FullName!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetGrain_ByGrainId_NeedsNoManifest()
    {
        var grain = Client.GetGrain<IEchoGrain>(new GrainId(new GrainType("echo"), "by-id"));

        Assert.Equal("by-id:x", await grain.EchoAsync("x"));
    }
}
