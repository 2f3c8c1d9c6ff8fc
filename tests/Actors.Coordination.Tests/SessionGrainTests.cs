using Actors.GrainInterfaces.Coordination.Elections;
using Actors.GrainInterfaces.Coordination.Locks;
using Actors.GrainInterfaces.Coordination.Sessions;
using Actors.TestKit;

namespace Actors.Coordination.Tests;

/// <summary>Sessions: creation, keep-alive, expiry and close, and what their end releases.</summary>
public sealed class SessionGrainTests : CoordinationTestBase
{
    [Fact]
    public async Task Create_IsRepeatable_KeepAliveExtends_CloseEnds()
    {
        var session = Grains.GetGrain<ISessionGrain>("s1");
        var created = await session.CreateAsync(TimeSpan.FromSeconds(30), "me");
        var repeated = await session.CreateAsync(TimeSpan.FromSeconds(10), "other");

        Assert.Equal(created, repeated);
        Assert.Equal(created.CreatedAt + TimeSpan.FromSeconds(30), created.ExpiresAt);
        var kept = await session.KeepAliveAsync();
        Assert.NotNull(kept);
        Assert.True(kept.ExpiresAt >= created.ExpiresAt);
        Assert.Equal(kept, await session.GetAsync());

        Assert.True(await session.CloseAsync());
        Assert.False(await session.CloseAsync());
        Assert.Null(await session.GetAsync());
        Assert.Null(await session.KeepAliveAsync());
        Assert.False(await session.AttachAsync(new SessionBinding(SessionBindingKind.Lock, "x")));
    }

    [Fact]
    public async Task Create_RejectsTtlOutOfRange_AndAnOverlongOwner()
    {
        var session = Grains.GetGrain<ISessionGrain>("bad");
        await Assert.ThrowsAnyAsync<ArgumentException>(() => session.CreateAsync(TimeSpan.FromMilliseconds(10), null));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => session.CreateAsync(TimeSpan.FromHours(2), null));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => session.CreateAsync(TimeSpan.FromSeconds(5), new string('o', 300)));
        Assert.Null(await session.GetAsync());
    }

    [Fact]
    public async Task KeepAlive_KeepsAShortSessionAlivePastItsTtl()
    {
        var session = Grains.GetGrain<ISessionGrain>("kept");
        var created = await session.CreateAsync(SessionLimits.MinTtl, null);
        var lockGrain = Grains.GetGrain<ILockGrain>("kept-lock");
        var grant = await lockGrain.AcquireAsync(new LockRequest("kept", LockMode.Exclusive, TimeSpan.Zero, null, TimeSpan.Zero));
        Assert.True(grant.Granted);

        // Keep alive until three TTLs have passed since creation: the grant must survive all of them.
        var keptUntil = created.CreatedAt + (3 * SessionLimits.MinTtl);
        await Poll.UntilAsync(
            async () => (await session.KeepAliveAsync())!.ExpiresAt > keptUntil + SessionLimits.MinTtl - TimeSpan.FromMilliseconds(100)
                && DateTimeOffset.UtcNow > keptUntil,
            Patience,
            "three TTLs of keep-alives",
            Cancel);

        Assert.NotNull(await session.GetAsync());
        Assert.Equal(grant.Token, Assert.Single((await lockGrain.GetAsync()).Holders).Token);
    }

    [Fact]
    public async Task Expiry_ReleasesAHeldLock_AQueuedWaiter_AndALeadership()
    {
        await SessionAsync("other");
        var doomed = await Grains.GetGrain<ISessionGrain>("doomed").CreateAsync(SessionLimits.MinTtl, null);
        var held = Grains.GetGrain<ILockGrain>("held");
        var busy = Grains.GetGrain<ILockGrain>("busy");
        var election = Grains.GetGrain<IElectionGrain>("expiry-election");
        Assert.True((await held.AcquireAsync(new LockRequest("doomed", LockMode.Exclusive, TimeSpan.Zero, null, TimeSpan.Zero))).Granted);
        Assert.True((await busy.AcquireAsync(new LockRequest("other", LockMode.Exclusive, TimeSpan.Zero, null, TimeSpan.Zero))).Granted);
        var leader = await election.CampaignAsync("doomed", "doomed-value", TimeSpan.Zero);
        Assert.Equal(CampaignOutcome.Elected, leader.Outcome);
        var waiting = busy.WithResponseTimeout(TimeSpan.FromSeconds(70))
            .AcquireAsync(new LockRequest("doomed", LockMode.Exclusive, TimeSpan.FromSeconds(60), null, TimeSpan.Zero));
        await Poll.UntilAsync(async () => (await busy.GetAsync()).Waiters.Count == 1, Patience, "the waiter to queue", Cancel);

        // Nobody keeps "doomed" alive: everything it held or waited for goes when it expires.
        var result = await waiting.WaitAsync(Patience, Cancel);

        Assert.Equal(LockOutcome.SessionUnknown, result.Outcome);
        Assert.True(DateTimeOffset.UtcNow >= doomed.ExpiresAt - TimeSpan.FromMilliseconds(50));
        Assert.Null(await Grains.GetGrain<ISessionGrain>("doomed").GetAsync());
        await Poll.UntilAsync(async () => (await held.GetAsync()).Holders.Count == 0, Patience, "the held lock to be released", Cancel);
        await Poll.UntilAsync(async () => (await election.GetAsync()).Leader is null, Patience, "the leadership to end", Cancel);
        Assert.Single((await busy.GetAsync()).Holders, h => h.SessionId == "other");
        Assert.Empty((await busy.GetAsync()).Waiters);
    }

    [Fact]
    public async Task Close_ReleasesWhatTheSessionHeld_BeforeItAnswers()
    {
        await SessionAsync("closer");
        await SessionAsync("next");
        var lockGrain = Grains.GetGrain<ILockGrain>("closing");
        var first = await lockGrain.AcquireAsync(new LockRequest("closer", LockMode.Exclusive, TimeSpan.Zero, null, TimeSpan.Zero));
        var waiting = lockGrain.WithResponseTimeout(TimeSpan.FromSeconds(40))
            .AcquireAsync(new LockRequest("next", LockMode.Exclusive, TimeSpan.FromSeconds(30), "next", TimeSpan.Zero));
        await Poll.UntilAsync(async () => (await lockGrain.GetAsync()).Waiters.Count == 1, Patience, "the waiter to queue", Cancel);

        Assert.True(await Grains.GetGrain<ISessionGrain>("closer").CloseAsync());

        var info = await lockGrain.GetAsync();
        var holder = Assert.Single(info.Holders);
        Assert.Equal("next", holder.SessionId);
        var second = await waiting;
        Assert.True(second.Granted);
        Assert.True(second.Token > first.Token);
        Assert.Equal(LockOutcome.SessionUnknown, (await lockGrain.AcquireAsync(new LockRequest("closer", LockMode.Exclusive, TimeSpan.Zero, null, TimeSpan.Zero))).Outcome);
    }
}
