using System.Diagnostics;
using Actors.Client.Coordination;
using Actors.GrainInterfaces.Coordination.Elections;
using Actors.GrainInterfaces.Coordination.Locks;
using Actors.GrainInterfaces.Coordination.Sessions;
using Actors.TestKit.Postgres;

namespace Actors.Coordination.Cluster.Tests;

/// <summary>A session that stops its keep-alives loses what it holds within its TTL plus a second.</summary>
public sealed class SessionExpiryTests(PostgresDatabase database)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lock_HolderStopsKeepAlive_NextWaiterGetsItWithinTtlPlusOneSecond()
    {
        var connectionString = await database.CreateDatabaseAsync(migrate: false, Token);
        await using var cluster = await CoordinationCluster.StartAsync(connectionString, silos: 2, Token);
        await using var client = await cluster.ConnectClientAsync(Token);
        await using var waiter = await client.CreateSessionAsync(TimeSpan.FromSeconds(30), "waiter", Token);
        var holderId = "s-silent-" + Guid.NewGuid().ToString("N");
        var lockGrain = client.GetGrain<ILockGrain>("expiring");

        // The holder's session is created and never kept alive: its last sign of life is its creation.
        await client.GetGrain<ISessionGrain>(holderId).CreateAsync(Ttl, "silent holder");
        var lastKeepAlive = Stopwatch.StartNew();
        var held = await lockGrain.AcquireAsync(new LockRequest(holderId, LockMode.Exclusive, TimeSpan.Zero, "silent holder", TimeSpan.Zero));
        Assert.True(held.Granted, held.Detail);

        await using var next = await client.AcquireLockAsync("expiring", waiter, TimeSpan.FromSeconds(20), cancellationToken: Token);
        var elapsed = lastKeepAlive.Elapsed;

        Assert.True(next.Token > held.Token!.Value, $"token {next.Token} after {held.Token}");
        Assert.True(elapsed <= Ttl + Slack, $"the lock passed on {elapsed.TotalMilliseconds:F0} ms after the holder's last keep-alive (TTL {Ttl.TotalMilliseconds:F0} ms)");
        var info = await lockGrain.GetAsync();
        Assert.Equal(waiter.Id, Assert.Single(info.Holders).SessionId);
    }

    [Fact]
    public async Task Election_LeaderStopsKeepAlive_NextCandidateLeadsWithinTtlPlusOneSecondWithAHigherTerm()
    {
        var connectionString = await database.CreateDatabaseAsync(migrate: false, Token);
        await using var cluster = await CoordinationCluster.StartAsync(connectionString, silos: 2, Token);
        await using var client = await cluster.ConnectClientAsync(Token);
        using var observing = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var observed = new List<ElectionState>();
        var observer = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var state in client.ObserveAsync("leader-failover", observing.Token))
                    {
                        observed.Add(state);
                    }
                }
                catch (OperationCanceledException)
                {
                }
            },
            Token);

        var leaderId = "s-silent-" + Guid.NewGuid().ToString("N");
        var election = client.GetGrain<IElectionGrain>("leader-failover");
        await client.GetGrain<ISessionGrain>(leaderId).CreateAsync(Ttl, "silent leader");
        var lastKeepAlive = Stopwatch.StartNew();
        var first = await election.CampaignAsync(leaderId, "first", TimeSpan.Zero);
        Assert.Equal(CampaignOutcome.Elected, first.Outcome);

        await using var candidate = await client.CreateSessionAsync(TimeSpan.FromSeconds(30), "candidate", Token);
        await using var second = await client.CampaignAsync("leader-failover", candidate, "second", TimeSpan.FromSeconds(20), Token);
        var elapsed = lastKeepAlive.Elapsed;

        Assert.True(second.Leader.Term > first.Leader!.Term, $"term {second.Leader.Term} after {first.Leader.Term}");
        Assert.True(elapsed <= Ttl + Slack, $"leadership passed on {elapsed.TotalMilliseconds:F0} ms after the leader's last keep-alive (TTL {Ttl.TotalMilliseconds:F0} ms)");

        // The observer sees the second leader; no term ever had two leaders.
        await TestKit.Poll.UntilAsync(() => observed.ToArray().Any(s => s.Leader?.SessionId == candidate.Id), TimeSpan.FromSeconds(10), "the observer to see the second leader", Token);
        await observing.CancelAsync();
        await observer;
        var leaders = observed.Where(s => s.Leader is not null).Select(s => s.Leader!).ToList();
        Assert.All(leaders.GroupBy(l => l.Term), term => Assert.Single(term.Select(l => l.SessionId).Distinct()));
        Assert.True(leaders.Zip(leaders.Skip(1)).All(pair => pair.First.Term <= pair.Second.Term), "terms never go back");
    }
}
