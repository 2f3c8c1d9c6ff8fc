using Actors.GrainInterfaces.Coordination.Locks;
using Actors.TestKit;

namespace Actors.Coordination.Tests;

/// <summary>Locks: FIFO waiters, fencing tokens across restarts, tries, read/write modes, lock-delay, bad input.</summary>
public sealed class LockGrainTests : CoordinationTestBase
{
    private static LockRequest Exclusive(string session, TimeSpan wait = default, TimeSpan lockDelay = default) =>
        new(session, LockMode.Exclusive, wait, session, lockDelay);

    private static LockRequest Shared(string session, TimeSpan wait = default) => new(session, LockMode.Shared, wait, session, TimeSpan.Zero);

    private ILockGrain Lock(string name, TimeSpan? wait = null) =>
        Grains.GetGrain<ILockGrain>(name).WithResponseTimeout((wait ?? TimeSpan.Zero) + TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Waiters_AreGrantedInArrivalOrder_WithIncreasingTokens()
    {
        var wait = TimeSpan.FromSeconds(30);
        foreach (var s in new[] { "h", "w1", "w2", "w3" })
        {
            await SessionAsync(s);
        }

        var held = await Lock("fifo").AcquireAsync(Exclusive("h"));
        var waiting = new List<(string Session, Task<LockGrant> Grant)>();
        foreach (var s in new[] { "w1", "w2", "w3" })
        {
            waiting.Add((s, Lock("fifo", wait).AcquireAsync(Exclusive(s, wait))));
            var count = waiting.Count;
            await Poll.UntilAsync(async () => (await Lock("fifo").GetAsync()).Waiters.Count == count, Patience, $"{s} to queue", Cancel);
        }

        Assert.Equal(["w1", "w2", "w3"], (await Lock("fifo").GetAsync()).Waiters.Select(w => w.SessionId));
        var previous = held;
        var previousSession = "h";
        foreach (var (session, grant) in waiting)
        {
            Assert.True(await Lock("fifo").ReleaseAsync(previousSession, previous.Token!.Value));
            var next = await grant;
            Assert.True(next.Granted);
            Assert.True(next.Token > previous.Token);
            Assert.Equal(session, Assert.Single((await Lock("fifo").GetAsync()).Holders).SessionId);
            previous = next;
            previousSession = session;
        }

        Assert.False(await Lock("fifo").ReleaseAsync("w1", held.Token!.Value + 1), "w1's grant was released before");
    }

    [Fact]
    public async Task Tokens_KeepIncreasing_AcrossAWholeClusterRestart_AndTheHolderIsReloaded()
    {
        await SessionAsync("a");
        await SessionAsync("b");
        long last = 0;
        for (var i = 0; i < 3; i++)
        {
            var grant = await Lock("restart").AcquireAsync(Exclusive("a"));
            Assert.True(grant.Token > last);
            last = grant.Token!.Value;
            Assert.True(await Lock("restart").ReleaseAsync("a", last));
        }

        var kept = await Lock("restart").AcquireAsync(Exclusive("a"));
        await RestartClusterAsync();

        var info = await Lock("restart").GetAsync();
        Assert.Equal(kept.Token, info.LastToken);
        Assert.Equal(kept.Token, Assert.Single(info.Holders).Token);
        Assert.Equal(LockOutcome.TimedOut, (await Lock("restart").AcquireAsync(Exclusive("b"))).Outcome);
        Assert.True(await Lock("restart").ReleaseAsync("a", kept.Token!.Value));
        var after = await Lock("restart").AcquireAsync(Exclusive("b"));
        Assert.True(after.Granted);
        Assert.True(after.Token > kept.Token);
    }

    [Fact]
    public async Task TryAcquire_OnAHeldLock_TimesOutAtOnce_AndARepeatGetsTheSameGrant()
    {
        await SessionAsync("holder");
        await SessionAsync("trier");
        var grant = await Lock("try").AcquireAsync(Exclusive("holder"));

        var started = DateTimeOffset.UtcNow;
        var tried = await Lock("try").AcquireAsync(Exclusive("trier"));

        Assert.Equal(LockOutcome.TimedOut, tried.Outcome);
        Assert.Null(tried.Token);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(2));
        Assert.Empty((await Lock("try").GetAsync()).Waiters);
        Assert.Equal(grant.Token, (await Lock("try").AcquireAsync(Exclusive("holder"))).Token);
        Assert.Equal(LockOutcome.SessionUnknown, (await Lock("try").AcquireAsync(Exclusive("nobody"))).Outcome);
    }

    [Fact]
    public async Task SharedHolders_Coexist_ExclusiveWaits_AndHoldsBackLaterReaders()
    {
        var wait = TimeSpan.FromSeconds(30);
        foreach (var s in new[] { "r1", "r2", "writer", "r3" })
        {
            await SessionAsync(s);
        }

        var r1 = await Lock("rw").AcquireAsync(Shared("r1"));
        var r2 = await Lock("rw").AcquireAsync(Shared("r2"));
        Assert.True(r1.Granted && r2.Granted);
        var writer = Lock("rw", wait).AcquireAsync(Exclusive("writer", wait));
        await Poll.UntilAsync(async () => (await Lock("rw").GetAsync()).Waiters.Count == 1, Patience, "the writer to queue", Cancel);
        var r3 = Lock("rw", wait).AcquireAsync(Shared("r3", wait));
        await Poll.UntilAsync(async () => (await Lock("rw").GetAsync()).Waiters.Count == 2, Patience, "r3 to queue", Cancel);
        Assert.Equal(LockOutcome.TimedOut, (await Lock("rw").AcquireAsync(Shared("r3"))).Outcome);

        Assert.True(await Lock("rw").ReleaseAsync("r1", r1.Token!.Value));
        Assert.False(writer.IsCompleted);
        Assert.True(await Lock("rw").ReleaseAsync("r2", r2.Token!.Value));
        var written = await writer;
        Assert.True(written.Granted);
        Assert.False(r3.IsCompleted);
        Assert.Equal(LockMode.Exclusive, Assert.Single((await Lock("rw").GetAsync()).Holders).Mode);

        Assert.True(await Lock("rw").ReleaseAsync("writer", written.Token!.Value));
        var read = await r3;
        Assert.True(read.Granted);
        Assert.True(read.Token > written.Token);
    }

    [Fact]
    public async Task LockDelay_HoldsTheLockBack_AfterTheHolderSessionEndsWithoutARelease()
    {
        var delay = TimeSpan.FromSeconds(2);
        var wait = TimeSpan.FromSeconds(30);
        await SessionAsync("crashy");
        await SessionAsync("patient");
        Assert.True((await Lock("delayed").AcquireAsync(Exclusive("crashy", lockDelay: delay))).Granted);

        Assert.True(await Grains.GetGrain<GrainInterfaces.Coordination.Sessions.ISessionGrain>("crashy").CloseAsync());
        var closedAt = DateTimeOffset.UtcNow;
        var info = await Lock("delayed").GetAsync();
        var tried = await Lock("delayed").AcquireAsync(Exclusive("patient"));
        var granted = await Lock("delayed", wait).AcquireAsync(Exclusive("patient", wait));

        Assert.Empty(info.Holders);
        Assert.NotNull(info.DelayedUntil);
        Assert.Equal(LockOutcome.TimedOut, tried.Outcome);
        Assert.Contains("lock-delay", tried.Detail, StringComparison.Ordinal);
        Assert.True(granted.Granted);
        Assert.True(DateTimeOffset.UtcNow - closedAt >= delay - TimeSpan.FromMilliseconds(200), "granted before the lock-delay ended");
        Assert.Null((await Lock("delayed").GetAsync()).DelayedUntil);
    }

    [Fact]
    public async Task HundredContenders_NeverOverlap_AndEveryTokenIsFresh()
    {
        const int contenders = 100;
        var wait = TimeSpan.FromSeconds(60);
        await Task.WhenAll(Enumerable.Range(0, contenders).Select(i => SessionAsync("c" + i)));
        var resource = new FencedResource();

        await Task.WhenAll(Enumerable.Range(0, contenders).Select(async i =>
        {
            var session = "c" + i;
            var grant = await Lock("contended", wait).AcquireAsync(Exclusive(session, wait));
            Assert.True(grant.Granted, grant.Detail);
            await resource.WriteAsync(grant.Token!.Value);
            Assert.True(await Lock("contended").ReleaseAsync(session, grant.Token.Value));
        }));

        Assert.Equal(contenders, resource.Writes);
        Assert.Equal(1, resource.MaxInside);
        Assert.Equal(contenders, (await Lock("contended").GetAsync()).LastToken);
    }

    [Fact]
    public async Task BadArguments_AreRejectedWithArgumentException()
    {
        await SessionAsync("args");
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Lock(new string('n', 300)).AcquireAsync(Exclusive("args")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Lock("args").AcquireAsync(Exclusive("")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Lock("args").AcquireAsync(Exclusive("args", TimeSpan.FromMinutes(6))));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Lock("args").AcquireAsync(Exclusive("args", TimeSpan.FromSeconds(-1))));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Lock("args").AcquireAsync(Exclusive("args", lockDelay: TimeSpan.FromMinutes(2))));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Lock("args").AcquireAsync(new LockRequest("args", (LockMode)7, TimeSpan.Zero, null, TimeSpan.Zero)));
        Assert.Equal(0, (await Lock("args").GetAsync()).LastToken);
    }
}
