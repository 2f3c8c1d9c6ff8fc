using System.Diagnostics;
using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>Every call has a deadline; passing it ends the caller's wait with a TimeoutException.</summary>
public sealed class DeadlineTests : RuntimeTestBase
{
    [Fact]
    public async Task Call_PastPerReferenceDeadline_ThrowsTimeoutException()
    {
        var grain = Grains.GetGrain<ISlowGrain>("per-call").WithResponseTimeout(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => grain.WaitAsync(NeverOpened));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        Assert.Contains("slow/per-call", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_PastMethodAttributeDeadline_ThrowsTimeoutException()
    {
        var grain = Grains.GetGrain<ISlowGrain>("attribute");
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => grain.WaitWithShortDeadlineAsync(NeverOpened));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task DefaultDeadline_ComesFromConfiguration()
    {
        await using var cluster = await RuntimeTestCluster.StartAsync(
            Probe, o => o.Configuration["Actors:Messaging:ResponseTimeout"] = "00:00:00.400");
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => cluster.GrainFactory.GetGrain<ISlowGrain>("configured").WaitAsync(NeverOpened));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(350), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task CallerCancellation_EndsTheWait_AndCancelsTheCalleeToken()
    {
        var grain = Grains.GetGrain<ISlowGrain>("cancel");
        using var cancel = new CancellationTokenSource();
        var call = grain.WaitCancellableAsync(NeverOpened, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Probe.WaitAsync("cancelled:cancel", null);
    }

    [Fact]
    public async Task CalleeToken_IsCancelledWhenTheDeadlinePasses()
    {
        var grain = Grains.GetGrain<ISlowGrain>("deadline-token").WithResponseTimeout(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<Exception>(() => grain.WaitCancellableAsync(NeverOpened, CancellationToken.None));

        await Probe.WaitAsync("cancelled:deadline-token", null);
    }

    [Fact]
    public async Task Activation_StaysUsableAfterACallTimedOut()
    {
        var grain = Grains.GetGrain<ISlowGrain>("recovers");
        await Assert.ThrowsAsync<TimeoutException>(() => grain.WithResponseTimeout(TimeSpan.FromMilliseconds(100)).WaitAsync("recovers-gate"));

        Probe.Open("recovers-gate");

        Assert.Equal(1, await grain.PingAsync());
    }
}
