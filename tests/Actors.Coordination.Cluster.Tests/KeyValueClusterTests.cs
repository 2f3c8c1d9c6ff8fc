using System.Text;
using Actors.Client;
using Actors.Client.Coordination;
using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.TestKit.Postgres;

namespace Actors.Coordination.Cluster.Tests;

/// <summary>The key/value store on silo processes: a watch across the store's failover, compare-and-set races.</summary>
public sealed class KeyValueClusterTests(PostgresDatabase database)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Watch_StoreSiloKilledMidway_WatcherSeesEveryRevisionExactlyOnceInOrder()
    {
        const int Puts = 300;
        const int KillAfter = 100;
        var connectionString = await database.CreateDatabaseAsync(migrate: false, Token);
        await using var cluster = await CoordinationCluster.StartAsync(connectionString, silos: 3, Token);
        await using var writer = await cluster.ConnectClientAsync(Token);
        await using var watcherClient = await cluster.ConnectClientAsync(Token, [.. cluster.Silos.Reverse()]);
        var store = writer.GetGrain<IKeyValueGrain>(IKeyValueGrain.DefaultName);
        var start = (await Retry.UntilAnsweredAsync(() => store.PutAsync(new KvPut("w/start", [1], null, null)), Token)).Revision;

        using var watching = CancellationTokenSource.CreateLinkedTokenSource(Token);
        watching.CancelAfter(TimeSpan.FromMinutes(2));
        var seen = new List<KvEvent>();
        var allSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var acknowledged = new List<long>();
        var watcher = Task.Run(
            async () =>
            {
                await foreach (var change in watcherClient.WatchAsync("w/", prefix: true, start + 1, watching.Token))
                {
                    lock (seen)
                    {
                        seen.Add(change);
                    }

                    if (change.Key == "w/done")
                    {
                        allSeen.TrySetResult();
                        return;
                    }
                }
            },
            Token);

        for (var i = 0; i < Puts; i++)
        {
            var put = new KvPut($"w/{i:D4}", Encoding.UTF8.GetBytes("value " + i), null, null);
            acknowledged.Add((await Retry.UntilAnsweredAsync(() => store.PutAsync(put), Token)).Revision);
            if (i == KillAfter)
            {
                var host = await cluster.HostOfAsync("keyvalue/" + IKeyValueGrain.DefaultName, Token);
                Assert.NotNull(host);
                await cluster.KillAsync(host);
            }
        }

        acknowledged.Add((await Retry.UntilAnsweredAsync(() => store.PutAsync(new KvPut("w/done", [0], null, null)), Token)).Revision);
        await allSeen.Task.WaitAsync(watching.Token);
        await watcher;

        var revisions = seen.Select(e => e.Revision).ToList();
        Assert.Equal(revisions.Distinct().Count(), revisions.Count);
        Assert.Equal(Enumerable.Range(0, revisions.Count).Select(i => start + 1 + i), revisions);
        Assert.Empty(acknowledged.Except(revisions));
        Assert.All(seen, e => Assert.Equal(KvEventType.Put, e.Type));
    }

    [Fact]
    public async Task CompareAndSet_FiftyRacersThroughThreeSilos_ExactlyOneWins()
    {
        const int Racers = 50;
        var connectionString = await database.CreateDatabaseAsync(migrate: false, Token);
        await using var cluster = await CoordinationCluster.StartAsync(connectionString, silos: 3, Token);
        var clients = new List<ClusterClient>();
        foreach (var silo in cluster.Silos)
        {
            clients.Add(await cluster.ConnectClientAsync(Token, silo));
        }

        var first = await clients[0].GetGrain<IKeyValueGrain>(IKeyValueGrain.DefaultName).PutAsync(new KvPut("cas/key", [0], null, null));
        var results = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i =>
            clients[i % clients.Count].GetGrain<IKeyValueGrain>(IKeyValueGrain.DefaultName)
                .PutAsync(new KvPut("cas/key", [(byte)(i + 1)], first.Revision, null))));

        var winners = results.Where(r => r.Outcome == KvWriteOutcome.Written).ToList();
        var winner = Assert.Single(winners);
        Assert.All(results.Where(r => r.Outcome != KvWriteOutcome.Written), r => Assert.Equal(KvWriteOutcome.RevisionMismatch, r.Outcome));
        var stored = await clients[1].GetGrain<IKeyValueGrain>(IKeyValueGrain.DefaultName).GetAsync("cas/key");
        Assert.Equal(winner.Current!.Value, stored.Entry!.Value);
        Assert.Equal(winner.Revision, stored.Entry.ModRevision);
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }
}
