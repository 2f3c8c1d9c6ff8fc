using Actors.GrainInterfaces.Coordination.Locks;

namespace Actors.Coordination.Tests;

/// <summary>Semaphores: N permits, fenced, FIFO, and a different N refused while anything is held.</summary>
public sealed class SemaphoreGrainTests : CoordinationTestBase
{
    [Fact]
    public async Task Permits_AreCounted_AMismatchConflicts_AndAReleaseServesTheWaiter()
    {
        var wait = TimeSpan.FromSeconds(30);
        foreach (var s in new[] { "p1", "p2", "p3" })
        {
            await SessionAsync(s);
        }

        var semaphore = Grains.GetGrain<ISemaphoreGrain>("pool").WithResponseTimeout(wait + TimeSpan.FromSeconds(10));
        var first = await semaphore.AcquireAsync(new SemaphoreRequest("p1", 2, TimeSpan.Zero, null));
        var second = await semaphore.AcquireAsync(new SemaphoreRequest("p2", 2, TimeSpan.Zero, null));
        var full = await semaphore.AcquireAsync(new SemaphoreRequest("p3", 2, TimeSpan.Zero, null));
        var mismatch = await semaphore.AcquireAsync(new SemaphoreRequest("p3", 3, TimeSpan.Zero, null));

        Assert.True(first.Granted && second.Granted);
        Assert.True(second.Token > first.Token);
        Assert.Equal(LockOutcome.TimedOut, full.Outcome);
        Assert.Equal(LockOutcome.Conflict, mismatch.Outcome);
        var info = await semaphore.GetAsync();
        Assert.Equal(2, info.Permits);
        Assert.Equal(2, info.Holders.Count);

        var third = semaphore.AcquireAsync(new SemaphoreRequest("p3", 2, wait, null));
        Assert.True(await semaphore.ReleaseAsync("p1", first.Token!.Value));
        var granted = await third;
        Assert.True(granted.Granted);
        Assert.True(granted.Token > second.Token);
        Assert.False(await semaphore.ReleaseAsync("p1", first.Token.Value));

        Assert.True(await semaphore.ReleaseAsync("p2", second.Token!.Value));
        Assert.True(await semaphore.ReleaseAsync("p3", granted.Token!.Value));
        Assert.True((await semaphore.AcquireAsync(new SemaphoreRequest("p1", 5, TimeSpan.Zero, null))).Granted);
        Assert.Equal(5, (await semaphore.GetAsync()).Permits);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => semaphore.AcquireAsync(new SemaphoreRequest("p1", 0, TimeSpan.Zero, null)));
    }
}
