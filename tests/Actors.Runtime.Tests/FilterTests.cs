using Actors.Runtime.Hosting;
using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>Incoming and outgoing call filters see interface, method, arguments, result and exception.</summary>
public sealed class FilterTests : IAsyncLifetime
{
    private readonly Probe _probe = new();
    private TestCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await RuntimeTestCluster.StartAsync(
        _probe,
        configureSilo: silo => silo.AddIncomingGrainCallFilter<RecordingIncomingFilter>().AddOutgoingGrainCallFilter<RecordingOutgoingFilter>());

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Filters_SeeTheCallAndItsResult_AndMayReplaceTheResult()
    {
        var result = await _cluster.GrainFactory.GetGrain<IFilteredGrain>("f").MultiplyAsync(3, 4);

        Assert.Equal(24, result);
        Assert.Equal(
            [
                "out:MultiplyAsync(3,4) to filtered/f",
                "in:IFilteredGrain.MultiplyAsync(3,4) on FilteredGrain",
                "grain-filter:MultiplyAsync",
                "in-result:12",
                "out-result:24",
            ],
            _probe.Events);
    }

    [Fact]
    public async Task Filters_SeeTheException_WhichStillReachesTheCaller()
    {
        var error = await Assert.ThrowsAsync<GrainFailureException>(() => _cluster.GrainFactory.GetGrain<IFilteredGrain>("g").FailAsync("filtered boom"));

        Assert.Equal("filtered boom", error.Message);
        Assert.Contains("in-exception:GrainFailureException:filtered boom", _probe.Events);
        Assert.Contains("out-exception:GrainFailureException", _probe.Events);
    }
}
