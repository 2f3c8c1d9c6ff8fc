using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>Every key kind reaches the grain as it was given.</summary>
public sealed class GrainKeyTests : IAsyncLifetime
{
    private readonly Probe _probe = new();
    private TestCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await RuntimeTestCluster.StartAsync(_probe);

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task CompoundKeys_RoundTrip()
    {
        var guid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        Assert.Equal($"{guid}+ext", await _cluster.GrainFactory.GetGrain<IGuidCompoundGrain>(guid, "ext").DescribeAsync());
        Assert.Equal("-42+x+y", await _cluster.GrainFactory.GetGrain<ILongCompoundGrain>(-42, "x+y").DescribeAsync());
    }

    [Fact]
    public async Task DifferentKeys_AreDifferentGrains()
    {
        var a = _cluster.GrainFactory.GetGrain<IFailingGrain>(1_000);
        var b = _cluster.GrainFactory.GetGrain<IFailingGrain>(1_001);

        Assert.Equal(1, await a.CountAsync());
        Assert.Equal(2, await a.CountAsync());
        Assert.Equal(1, await b.CountAsync());
    }

    [Fact]
    public void References_AreEqualByGrainAndInterface()
    {
        var one = _cluster.GrainFactory.GetGrain<IEchoGrain>("same");
        var two = _cluster.GrainFactory.GetGrain<IEchoGrain>("same");

        Assert.Equal(one, two);
        Assert.NotEqual(one, _cluster.GrainFactory.GetGrain<IEchoGrain>("other"));
        Assert.Equal("echo/same", one.GetGrainId().ToString());
    }
}
