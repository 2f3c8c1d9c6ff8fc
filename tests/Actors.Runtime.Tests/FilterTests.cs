using Actors.Runtime.Hosting;
using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>Incoming and outgoing call filters see interface, method, arguments, result and exception.</summary>
public sealed class FilterTests : RuntimeTestBase
{
    protected override void ConfigureSilo(ISiloBuilder silo) => silo.AddIncomingGrainCallFilter<RecordingIncomingFilter>().AddOutgoingGrainCallFilter<RecordingOutgoingFilter>();

    [Fact]
    public async Task Filters_SeeTheCallAndItsResult_AndMayReplaceTheResult()
    {
        var result = await Grains.GetGrain<IFilteredGrain>("f").MultiplyAsync(3, 4);

        Assert.Equal(24, result);
        Assert.Equal(
            [
                "out:MultiplyAsync(3,4) to filtered/f",
                "in:IFilteredGrain.MultiplyAsync(3,4) on FilteredGrain",
                "grain-filter:MultiplyAsync",
                "in-result:12",
                "out-result:24",
            ],
            Probe.Events);
    }

    [Fact]
    public async Task Filters_SeeTheException_WhichStillReachesTheCaller()
    {
        var error = await Assert.ThrowsAsync<GrainFailureException>(() => Grains.GetGrain<IFilteredGrain>("g").FailAsync("filtered boom"));

        Assert.Equal("filtered boom", error.Message);
        Assert.Contains("in-exception:GrainFailureException:filtered boom", Probe.Events);
        Assert.Contains("out-exception:GrainFailureException", Probe.Events);
    }
}
