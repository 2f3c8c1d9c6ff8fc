using System.Text;
using Actors.Client.Coordination;
using Actors.GrainInterfaces.Coordination.Elections;
using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.GrainInterfaces.Coordination.Locks;
using Actors.GrainInterfaces.Coordination.Sessions;
using Actors.TestKit.Postgres;

namespace Actors.Coordination.Cluster.Tests;

/// <summary>The peers' durability: a granted token, a won term and an acknowledged put survive a whole-cluster SIGKILL and restart.</summary>
public sealed class RestartTests(PostgresDatabase database)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WholeClusterKilledAndRestarted_TokensTermsAndPutsSurviveAndKeepIncreasing()
    {
        var connectionString = await database.CreateDatabaseAsync(migrate: false, Token);
        var clusterId = CoordinationCluster.NewClusterId();
        var sessionId = "s-before-restart-" + Guid.NewGuid().ToString("N");
        long token;
        long term;
        long revision;
        await using (var cluster = await CoordinationCluster.StartAsync(connectionString, silos: 2, Token, clusterId))
        {
            await using var client = await cluster.ConnectClientAsync(Token);
            await client.GetGrain<ISessionGrain>(sessionId).CreateAsync(TimeSpan.FromSeconds(3), "before the restart");
            var grant = await client.GetGrain<ILockGrain>("survivor").AcquireAsync(new LockRequest(sessionId, LockMode.Exclusive, TimeSpan.Zero, null, TimeSpan.Zero));
            token = grant.Token ?? throw new InvalidOperationException(grant.Detail);
            var elected = await client.GetGrain<IElectionGrain>("survivor").CampaignAsync(sessionId, "before", TimeSpan.Zero);
            term = elected.Leader?.Term ?? throw new InvalidOperationException(elected.Detail);
            revision = (await client.GetGrain<IKeyValueGrain>(IKeyValueGrain.DefaultName).PutAsync(new KvPut("restart/key", Encoding.UTF8.GetBytes("kept"), null, null))).Revision;

            // Every silo dies at once: nothing gets a chance to write anything more.
            foreach (var silo in cluster.Silos.ToList())
            {
                await cluster.KillAsync(silo);
            }
        }

        await using var restarted = await CoordinationCluster.StartAsync(connectionString, silos: 2, Token, clusterId);
        await using var after = await restarted.ConnectClientAsync(Token);
        var store = after.GetGrain<IKeyValueGrain>(IKeyValueGrain.DefaultName);
        var kept = await store.GetAsync("restart/key");
        Assert.Equal("kept", Encoding.UTF8.GetString(kept.Entry!.Value));
        Assert.Equal(revision, kept.Entry.ModRevision);
        Assert.Equal(revision + 1, (await store.PutAsync(new KvPut("restart/next", [1], null, null))).Revision);

        // The old session came back with its holdings and, never kept alive, expires: a new session gets the lock with
        // a higher token and the leadership with a higher term.
        Assert.Equal(sessionId, Assert.Single((await after.GetGrain<ILockGrain>("survivor").GetAsync()).Holders).SessionId);
        await using var session = await after.CreateSessionAsync(TimeSpan.FromSeconds(30), "after the restart", Token);
        await using var held = await after.AcquireLockAsync("survivor", session, TimeSpan.FromSeconds(20), cancellationToken: Token);
        Assert.True(held.Token > token, $"token {held.Token} after the restart, {token} before");
        await using var leadership = await after.CampaignAsync("survivor", session, "after", TimeSpan.FromSeconds(20), Token);
        Assert.True(leadership.Leader.Term > term, $"term {leadership.Leader.Term} after the restart, {term} before");
    }
}
