using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>An activation's waiting queue is bounded: beyond the bound, requests are refused, not buffered.</summary>
public sealed class BackPressureTests : RuntimeTestBase
{
    protected override void Configure(TestClusterOptions options) => options.Configuration["Actors:Messaging:MaxEnqueuedRequests"] = "2";

    [Fact]
    public async Task FullQueue_RefusesTheNextRequest_AndServesTheQueuedOnes()
    {
        var grain = Grains.GetGrain<IConcurrencyGrain>("bp");
        var running = grain.HoldAsync("bp");
        await Probe.WaitAsync("entered:bp#1", null);
        var queued = new[] { grain.HoldAsync("bp"), grain.HoldAsync("bp") };

        var error = await Assert.ThrowsAsync<GrainOverloadedException>(() => grain.HoldAsync("bp"));

        Assert.Contains("limit 2", error.Message, StringComparison.Ordinal);
        Probe.Open("bp");
        await Task.WhenAll(queued.Append(running));
        Assert.Equal(3, (await grain.GetStatsAsync()).Completed);
    }
}
