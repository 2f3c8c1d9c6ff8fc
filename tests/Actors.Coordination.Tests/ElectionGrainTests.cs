using Actors.GrainInterfaces.Coordination.Elections;
using Actors.GrainInterfaces.Coordination.Sessions;
using Actors.TestKit;

namespace Actors.Coordination.Tests;

/// <summary>Elections: terms, proclaim, resign, observe, the leader's session end, concurrent campaigns, restarts.</summary>
public sealed class ElectionGrainTests : CoordinationTestBase
{
    private IElectionGrain Election(string name, TimeSpan? wait = null) =>
        Grains.GetGrain<IElectionGrain>(name).WithResponseTimeout((wait ?? TimeSpan.Zero) + TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Terms_Increase_ProclaimKeepsTheTerm_ResignHandsOver_AndObserveSeesEachChange()
    {
        var wait = TimeSpan.FromSeconds(30);
        await SessionAsync("a");
        await SessionAsync("b");
        var first = await Election("e").CampaignAsync("a", "addr-a", TimeSpan.Zero);
        Assert.Equal(CampaignOutcome.Elected, first.Outcome);
        var start = await Election("e").GetAsync();
        Assert.Equal(first.Leader, start.Leader);
        Assert.Equal(CampaignOutcome.TimedOut, (await Election("e").CampaignAsync("b", "addr-b", TimeSpan.Zero)).Outcome);

        var campaign = Election("e", wait).CampaignAsync("b", "addr-b", wait);
        await Poll.UntilAsync(async () => (await Election("e").GetAsync()).Candidates.Count == 1, Patience, "b to campaign", Cancel);
        var observing = Election("e", wait).ObserveAsync(start.Version, wait);
        Assert.True(await Election("e").ProclaimAsync("a", first.Leader!.Term, "addr-a2"));
        var proclaimed = await observing;
        Assert.Equal(first.Leader.Term, proclaimed.Leader!.Term);
        Assert.Equal("addr-a2", proclaimed.Leader.Value);
        Assert.True(proclaimed.Version > start.Version);
        Assert.False(await Election("e").ProclaimAsync("b", first.Leader.Term, "usurper"));
        Assert.False(await Election("e").ResignAsync("a", first.Leader.Term + 1));

        observing = Election("e", wait).ObserveAsync(proclaimed.Version, wait);
        Assert.True(await Election("e").ResignAsync("a", first.Leader.Term));
        var second = await campaign;
        var handedOver = await observing;
        Assert.Equal(CampaignOutcome.Elected, second.Outcome);
        Assert.Equal("b", second.Leader!.SessionId);
        Assert.True(second.Leader.Term > first.Leader.Term);
        Assert.True(handedOver.Version > proclaimed.Version);
        Assert.Equal("b", (await Election("e").GetAsync()).Leader!.SessionId);

        var quiet = await Election("e").ObserveAsync(long.MaxValue - 1, TimeSpan.FromMilliseconds(200));
        Assert.Equal("b", quiet.Leader!.SessionId);
    }

    [Fact]
    public async Task LeaderSessionEnd_ElectsTheNextCandidate_AndTermsSurviveARestart()
    {
        var wait = TimeSpan.FromSeconds(30);
        await SessionAsync("l1");
        await SessionAsync("l2");
        var first = await Election("failover").CampaignAsync("l1", "one", TimeSpan.Zero);
        var next = Election("failover", wait).CampaignAsync("l2", "two", wait);
        await Poll.UntilAsync(async () => (await Election("failover").GetAsync()).Candidates.Count == 1, Patience, "l2 to campaign", Cancel);

        Assert.True(await Grains.GetGrain<ISessionGrain>("l1").CloseAsync());
        var second = await next;

        Assert.Equal(CampaignOutcome.Elected, second.Outcome);
        Assert.True(second.Leader!.Term > first.Leader!.Term);
        await RestartClusterAsync();
        var reloaded = await Election("failover").GetAsync();
        Assert.Equal(second.Leader, reloaded.Leader);
        Assert.True(await Election("failover").ResignAsync("l2", second.Leader.Term));
        await SessionAsync("l3");
        var third = await Election("failover").CampaignAsync("l3", "three", TimeSpan.Zero);
        Assert.True(third.Leader!.Term > second.Leader.Term);
        Assert.Equal(CampaignOutcome.SessionUnknown, (await Election("failover").CampaignAsync("l1", "again", TimeSpan.Zero)).Outcome);
    }

    [Fact]
    public async Task ConcurrentCampaigns_NeverGiveTwoLeadersTheSameTerm()
    {
        const int candidates = 20;
        var wait = TimeSpan.FromSeconds(60);
        await Task.WhenAll(Enumerable.Range(0, candidates).Select(i => SessionAsync("cand" + i)));
        var terms = new List<long>();

        await Task.WhenAll(Enumerable.Range(0, candidates).Select(async i =>
        {
            var session = "cand" + i;
            var result = await Election("race", wait).CampaignAsync(session, session, wait);
            Assert.Equal(CampaignOutcome.Elected, result.Outcome);
            var state = await Election("race").GetAsync();
            Assert.Equal(session, state.Leader!.SessionId);
            lock (terms)
            {
                terms.Add(result.Leader!.Term);
            }

            Assert.True(await Election("race").ResignAsync(session, result.Leader!.Term));
        }));

        Assert.Equal(candidates, terms.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, candidates).Select(t => (long)t), terms.Order());
    }

    [Fact]
    public async Task BadArguments_AreRejected()
    {
        await SessionAsync("x");
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Election("").CampaignAsync("x", "v", TimeSpan.Zero));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Election("bad").CampaignAsync("x", "v", TimeSpan.FromHours(1)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Election("bad").CampaignAsync(new string('s', 257), "v", TimeSpan.Zero));
        Assert.Null((await Election("bad").GetAsync()).Leader);
    }
}
