using Actors.Runtime.Tests.Grains;

namespace Actors.Runtime.Tests;

/// <summary>Exceptions thrown by grain code reach the caller with their type and message.</summary>
public sealed class ExceptionPropagationTests : RuntimeTestBase
{
    [Fact]
    public async Task SynchronousThrow_ReachesCallerWithTypeAndMessage()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Grains.GetGrain<IFailingGrain>(1).ThrowSynchronouslyAsync("sync boom"));

        Assert.Equal("sync boom", error.Message);
    }

    [Fact]
    public async Task ThrowAfterAwait_ReachesCallerWithTypeAndMessage()
    {
        var error = await Assert.ThrowsAsync<GrainFailureException>(() => Grains.GetGrain<IFailingGrain>(2).ThrowAfterAwaitAsync("async boom"));

        Assert.Equal("async boom", error.Message);
    }

    [Fact]
    public async Task FailedRequest_DoesNotHarmTheActivation()
    {
        var grain = Grains.GetGrain<IFailingGrain>(3);
        Assert.Equal(1, await grain.CountAsync());
        await Assert.ThrowsAsync<GrainFailureException>(() => grain.ThrowAfterAwaitAsync("x"));

        Assert.Equal(2, await grain.CountAsync());
    }

    [Fact]
    public async Task CallToGrainTypeNoSiloHosts_FailsWithAClearError()
    {
        var error = await Assert.ThrowsAsync<SiloUnavailableException>(
            () => Grains.GetGrain<IEchoGrain>(new GrainId(new GrainType("nosuchtype"), "k")).EchoAsync("x"));

        Assert.Contains("No active silo hosts grain type 'nosuchtype'", error.Message, StringComparison.Ordinal);
    }
}
