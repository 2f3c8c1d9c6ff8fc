using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>An activation's waiting queue is bounded: beyond the bound, requests are refused, not buffered.</summary>
public sealed class BackPressureTests : IAsyncLifetime
{
    private readonly Probe _probe = new();
    private TestCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await RuntimeTestCluster.StartAsync(
        _probe, o => o.Configuration["Actors:Messaging:MaxEnqueuedRequests"] = "2");

    public async ValueTask DisposeAsync()
    {
        _probe.Open("bp");
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task FullQueue_RefusesTheNextRequest_AndServesTheQueuedOnes()
    {
        var grain = _cluster.GrainFactory.GetGrain<IConcurrencyGrain>("bp");
        var running = grain.HoldAsync("bp");
        await _probe.WaitAsync("entered:bp#1", null);
        var queued = new[] { grain.HoldAsync("bp"), grain.HoldAsync("bp") };

        var error = await Assert.ThrowsAsync<GrainOverloadedException>(() => grain.HoldAsync("bp"));

        Assert.Contains("limit 2", error.Message, StringComparison.Ordinal);
        _probe.Open("bp");
        await Task.WhenAll(queued.Append(running));
        Assert.Equal(3, (await grain.GetStatsAsync()).Completed);
    }
}
