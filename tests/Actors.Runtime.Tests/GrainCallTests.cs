using Actors.Runtime.Tests.Grains;

namespace Actors.Runtime.Tests;

public sealed class GrainCallTests : RuntimeTestBase
{
    [Fact]
    public async Task InvokeAsync_ReturnsResultsOfEveryReturnShape()
    {
        var grain = Grains.GetGrain<IEchoGrain>("a");

        Assert.Equal("hello", await grain.EchoAsync("hello"));
        Assert.Equal(5, await grain.AddAsync(2, 3));
        Assert.Equal("echo/a", await grain.GetIdentityAsync());
        Assert.Equal(42L, await grain.ValueTaskAsync(21));
        await grain.DoNothingAsync();
    }
}
