using Actors.Runtime.Tests.Grains;

namespace Actors.Runtime.Tests;

/// <summary>Every key kind reaches the grain as it was given.</summary>
public sealed class GrainKeyTests : RuntimeTestBase
{
    [Fact]
    public async Task CompoundKeys_RoundTrip()
    {
        var guid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        Assert.Equal($"{guid}+ext", await Grains.GetGrain<IGuidCompoundGrain>(guid, "ext").DescribeAsync());
        Assert.Equal("-42+x+y", await Grains.GetGrain<ILongCompoundGrain>(-42, "x+y").DescribeAsync());
    }

    [Fact]
    public async Task DifferentKeys_AreDifferentGrains()
    {
        var a = Grains.GetGrain<IFailingGrain>(1_000);
        var b = Grains.GetGrain<IFailingGrain>(1_001);

        Assert.Equal(1, await a.CountAsync());
        Assert.Equal(2, await a.CountAsync());
        Assert.Equal(1, await b.CountAsync());
    }

    [Fact]
    public void References_AreEqualByGrainAndInterface()
    {
        var one = Grains.GetGrain<IEchoGrain>("same");
        var two = Grains.GetGrain<IEchoGrain>("same");

        Assert.Equal(one, two);
        Assert.NotEqual(one, Grains.GetGrain<IEchoGrain>("other"));
        Assert.Equal("echo/same", one.GetGrainId().ToString());
    }
}
