using Actors.Runtime.Hosting;
using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

public sealed class GrainCallTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async ValueTask InitializeAsync() =>
        _cluster = await TestCluster.StartAsync(new TestClusterOptions { ConfigureSilo = s => s.AddGrains(typeof(EchoGrain).Assembly) });

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task InvokeAsync_ReturnsResultsOfEveryReturnShape()
    {
        var grain = _cluster.GrainFactory.GetGrain<IEchoGrain>("a");

        Assert.Equal("hello", await grain.EchoAsync("hello"));
        Assert.Equal(5, await grain.AddAsync(2, 3));
        Assert.Equal("echo/a", await grain.GetIdentityAsync());
        Assert.Equal(42L, await grain.ValueTaskAsync(21));
        await grain.DoNothingAsync();
    }
}
