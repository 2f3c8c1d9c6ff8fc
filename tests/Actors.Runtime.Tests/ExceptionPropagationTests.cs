using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>Exceptions thrown by grain code reach the caller with their type and message.</summary>
public sealed class ExceptionPropagationTests : IAsyncLifetime
{
    private readonly Probe _probe = new();
    private TestCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await RuntimeTestCluster.StartAsync(_probe);

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task SynchronousThrow_ReachesCallerWithTypeAndMessage()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _cluster.GrainFactory.GetGrain<IFailingGrain>(1).ThrowSynchronouslyAsync("sync boom"));

        Assert.Equal("sync boom", error.Message);
    }

    [Fact]
    public async Task ThrowAfterAwait_ReachesCallerWithTypeAndMessage()
    {
        var error = await Assert.ThrowsAsync<GrainFailureException>(() => _cluster.GrainFactory.GetGrain<IFailingGrain>(2).ThrowAfterAwaitAsync("async boom"));

        Assert.Equal("async boom", error.Message);
    }

    [Fact]
    public async Task FailedRequest_DoesNotHarmTheActivation()
    {
        var grain = _cluster.GrainFactory.GetGrain<IFailingGrain>(3);
        Assert.Equal(1, await grain.CountAsync());
        await Assert.ThrowsAsync<GrainFailureException>(() => grain.ThrowAfterAwaitAsync("x"));

        Assert.Equal(2, await grain.CountAsync());
    }

    [Fact]
    public async Task CallToGrainTypeNoSiloHosts_FailsWithAClearError()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _cluster.GrainFactory.GetGrain<IEchoGrain>(new GrainId(new GrainType("nosuchtype"), "k")).EchoAsync("x"));

        Assert.Contains("nosuchtype", error.Message, StringComparison.Ordinal);
    }
}
