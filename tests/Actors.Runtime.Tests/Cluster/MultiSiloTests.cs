using Actors.Runtime.Membership;
using Actors.Runtime.Tests.Grains;
using Actors.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.Tests.Cluster;

/// <summary>
/// Three in-process silos on loopback sharing in-memory membership, directory and storage: calls cross the real
/// TCP transport, the directory keeps one activation per grain, and each placement strategy puts grains where it says.
/// </summary>
public sealed class MultiSiloTests : RuntimeTestBase
{
    private const string Random = "Actors.Runtime.Tests.Grains.RandomWhere";
    private const string PreferLocal = "Actors.Runtime.Tests.Grains.PreferLocalWhere";
    private const string Hash = "Actors.Runtime.Tests.Grains.HashWhere";
    private const string Count = "Actors.Runtime.Tests.Grains.CountWhere";
    private const string Pinned = "Actors.Runtime.Tests.Grains.PinnedWhere";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HundredConcurrentFirstCallsFromAllSilos_ReachOneActivation()
    {
        var calls = Enumerable.Range(0, 100)
            .Select(i => Cluster.Silos[i % 3].GrainFactory.GetGrain<IWhereGrain>("contended", Random).WhereAsync())
            .ToList();

        var answers = await Task.WhenAll(calls);

        Assert.Single(answers.Select(a => a.ActivationId).Distinct());
        Assert.Equal(Enumerable.Range(1, 100), answers.Select(a => a.Calls).Order());
    }

    [Fact]
    public async Task RandomPlacement_UsesEverySilo()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Grains.GetGrain<IWhereGrain>("r" + i, Random).WhereAsync()));

        Assert.Equal(3, answers.Select(a => a.Silo).Distinct().Count());
    }

    [Fact]
    public async Task PreferLocalPlacement_ActivatesOnTheCallingSilo()
    {
        for (var i = 0; i < 3; i++)
        {
            var answer = await Cluster.Silos[i].GrainFactory.GetGrain<IWhereGrain>("local" + i, PreferLocal).WhereAsync();
            Assert.Equal(Cluster.Silos[i].Address.ToString(), answer.Silo);
        }
    }

    [Fact]
    public async Task HashPlacement_PutsAGrainOnTheSameSiloWhoeverCallsFirst()
    {
        var first = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Cluster.Silos[i % 3].GrainFactory.GetGrain<IWhereGrain>("h" + i, Hash).WhereAsync()));
        var silos = Cluster.Silos.Select(s => s.Address).Order().ToList();

        for (var i = 0; i < 30; i++)
        {
            var grainId = new GrainId(new GrainType("hashwhere"), "h" + i);
            Assert.Equal(silos[(int)(grainId.UniformHash % 3)].ToString(), first[i].Silo);
        }
    }

    [Fact]
    public async Task NodePinnedPlacement_ActivatesOnlyOnItsNode()
    {
        foreach (var silo in Cluster.Silos)
        {
            var node = silo.Services.GetRequiredService<Hosting.ILocalSiloDetails>().NodeName;
            var answer = await Cluster.Silos[0].GrainFactory.GetGrain<IWhereGrain>(node, Pinned).WhereAsync();
            Assert.Equal(silo.Address.ToString(), answer.Silo);
        }

        var offline = await Assert.ThrowsAsync<NodeOfflineException>(() => Grains.GetGrain<IWhereGrain>("no-such-node", Pinned).WhereAsync());
        Assert.Contains("no-such-node", offline.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NodePinnedGrain_OfAStoppedNode_FailsWithNodeOfflineAndNeverMoves()
    {
        var leaving = Cluster.Silos[2];
        var node = leaving.Services.GetRequiredService<Hosting.ILocalSiloDetails>().NodeName;
        await Grains.GetGrain<IWhereGrain>(node, Pinned).WhereAsync();

        await Cluster.StopSiloAsync(leaving, Cancel);

        var error = await Assert.ThrowsAsync<NodeOfflineException>(() => Grains.GetGrain<IWhereGrain>(node, Pinned).WhereAsync());
        Assert.Contains(node, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivationCountPlacement_PrefersTheEmptierSilos()
    {
        // Load silo 0 with activations, and wait until its heartbeat has told the others.
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Grains.GetGrain<IWhereGrain>("load" + i, PreferLocal).WhereAsync()));
        await Poll.UntilAsync(
            () => ViewOf(1).Find(Cluster.Silos[0].Address)?.ActivationCount >= 200,
            TimeSpan.FromSeconds(10),
            "silo 0's activation count in silo 1's view",
            Cancel);

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Cluster.Silos[1].GrainFactory.GetGrain<IWhereGrain>("count" + i, Count).WhereAsync()));

        // Power of two choices never picks the fullest silo when the other candidate is emptier.
        Assert.DoesNotContain(Cluster.Silos[0].Address.ToString(), answers.Select(a => a.Silo));
    }

    [Fact]
    public async Task GrainCallsFromGrains_CrossSilos()
    {
        var source = Cluster.Silos[0].GrainFactory.GetGrain<IWhereGrain>("source", PreferLocal);
        var target = Cluster.Silos[2].GrainFactory.GetGrain<IWhereGrain>("target", PreferLocal);
        var targetInfo = await target.WhereAsync();

        var relayed = await source.RelayAsync(target);

        Assert.Equal(Cluster.Silos[2].Address.ToString(), relayed.Silo);
        Assert.Equal(targetInfo.ActivationId, relayed.ActivationId);
    }

    [Fact]
    public async Task ExceptionsFromAnotherSilo_KeepTheirTypeAndMessage()
    {
        // Randomly placed: with twelve grains, all but a few live on the other two silos.
        for (var i = 0; i < 12; i++)
        {
            var error = await Assert.ThrowsAsync<GrainFailureException>(
                () => Cluster.Silos[0].GrainFactory.GetGrain<IFailingGrain>(1000 + i).ThrowAfterAwaitAsync("boom across silos"));
            Assert.Equal("boom across silos", error.Message);
        }
    }

    [Fact]
    public async Task GracefulStop_HandsItsGrainsToTheOtherSilos()
    {
        var leaving = Cluster.Silos[2];
        var leavingAddress = leaving.Address.ToString();
        var before = await leaving.GrainFactory.GetGrain<IWhereGrain>("handed-over", PreferLocal).WhereAsync();
        Assert.Equal(leavingAddress, before.Silo);

        await Cluster.StopSiloAsync(leaving, Cancel);

        var after = await Cluster.Silos[0].GrainFactory.GetGrain<IWhereGrain>("handed-over", PreferLocal).WhereAsync();
        Assert.NotEqual(leavingAddress, after.Silo);
        Assert.NotEqual(before.ActivationId, after.ActivationId);
    }

    [Fact]
    public async Task SiloDeclaredDead_FailsCallsPendingOnItAtOnce_AndStopsItself()
    {
        var doomed = Cluster.Silos[2];
        await doomed.GrainFactory.GetGrain<IWhereGrain>("slow", PreferLocal).WhereAsync();
        var pending = Cluster.Silos[0].GrainFactory.GetGrain<IWhereGrain>("slow", PreferLocal).SlowWhereAsync(20_000);

        var table = Cluster.Silos[0].Services.GetRequiredService<IMembershipTable>();
        var snapshot = await table.ReadAllAsync(Cancel);
        var row = snapshot.Find(doomed.Address)!;
        Assert.True(await table.UpdateRowAsync(row.Entry with { Status = SiloStatus.Dead }, row.ETag, snapshot.Version, Cancel));

        var error = await Assert.ThrowsAsync<SiloUnavailableException>(() => pending.WaitAsync(TimeSpan.FromSeconds(10), Cancel));
        Assert.Contains(doomed.Address.ToString(), error.Message, StringComparison.Ordinal);

        var termination = doomed.Services.GetRequiredService<Hosting.SiloTermination>();
        await Poll.UntilAsync(() => termination.FatalReason is not null, TimeSpan.FromSeconds(10), "the dead silo to stop itself", Cancel);
        Assert.Contains("declared", termination.FatalReason, StringComparison.Ordinal);

        // Its grains come back elsewhere on the next call.
        var doomedAddress = doomed.Address.ToString();
        var again = await Grains.GetGrain<IWhereGrain>("slow", PreferLocal).WhereAsync();
        Assert.NotEqual(doomedAddress, again.Silo);
        await Cluster.StopSiloAsync(doomed, Cancel);
    }

    protected override void Configure(TestClusterOptions options) => options.InitialSilos = 3;

    private MembershipView ViewOf(int silo) => Cluster.Silos[silo].Services.GetRequiredService<IClusterMembershipService>().CurrentView;
}
