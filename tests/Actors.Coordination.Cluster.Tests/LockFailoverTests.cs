using Actors.Client;
using Actors.Client.Coordination;
using Actors.TestKit.Postgres;

namespace Actors.Coordination.Cluster.Tests;

/// <summary>A fenced lock while the silo hosting its grain is killed with SIGKILL.</summary>
public sealed class LockFailoverTests(PostgresDatabase database)
{
    private const string LockName = "fenced-table";
    private static readonly TimeSpan TestDeadline = TimeSpan.FromMinutes(3);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lock_FiftyContendersAcrossThreeSilosWhileItsSiloIsKilled_FencedResourceSeesOneHolderAtATimeWithIncreasingTokens()
    {
        const int Contenders = 50;
        const int Acquisitions = 1000;
        const int KillAfter = 300;
        var connectionString = await database.CreateDatabaseAsync(migrate: false, Token);
        await using var cluster = await CoordinationCluster.StartAsync(connectionString, silos: 3, Token);

        // One client per silo, each preferring its own gateway but knowing all (so it survives its gateway's death).
        var clients = new List<ClusterClient>();
        for (var i = 0; i < 3; i++)
        {
            clients.Add(await cluster.ConnectClientAsync(Token, [.. cluster.Silos.Skip(i), .. cluster.Silos.Take(i)]));
        }

        var resource = new FencedResource();
        var taken = 0;
        var killStarted = 0;
        Task<string?> kill = Task.FromResult<string?>(null);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TestDeadline);

        async Task ContendAsync(int contender)
        {
            var grains = clients[contender % clients.Count];
            await using var session = await Retry.UntilAnsweredAsync(() => grains.CreateSessionAsync(TimeSpan.FromSeconds(15), $"contender {contender}", deadline.Token), deadline.Token);
            while (Interlocked.Increment(ref taken) <= Acquisitions)
            {
                DistributedLock? held = null;
                while (held is null)
                {
                    held = await Retry.UntilAnsweredAsync(() => grains.TryAcquireLockAsync(LockName, session, TimeSpan.FromSeconds(10), cancellationToken: deadline.Token), deadline.Token);
                }

                Assert.True(resource.Write(held.Token), $"first write of token {held.Token} rejected");
                Assert.True(resource.Write(held.Token), $"last write of token {held.Token} rejected");
                resource.Finish(held.Token);
                await Retry.UntilAnsweredAsync(held.ReleaseAsync, deadline.Token);
                if (resource.Holders.Count >= KillAfter && Interlocked.Exchange(ref killStarted, 1) == 0)
                {
                    kill = KillLockHostAsync();
                }
            }
        }

        async Task<string?> KillLockHostAsync()
        {
            var host = await cluster.HostOfAsync("lock/" + LockName, deadline.Token);
            if (host is null)
            {
                return null;
            }

            await cluster.KillAsync(host);
            return host.NodeName;
        }

        await Task.WhenAll(Enumerable.Range(0, Contenders).Select(ContendAsync));
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        Assert.NotNull(await kill);
        var holders = resource.Holders;
        Assert.Equal(Acquisitions, holders.Count);
        Assert.True(holders.Zip(holders.Skip(1)).All(pair => pair.First < pair.Second), "tokens strictly increase from holder to holder");
        Assert.Equal(0, resource.Rejected);
        Assert.Equal(0, resource.Interleaved);
    }
}
