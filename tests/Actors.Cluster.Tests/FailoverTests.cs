using System.Diagnostics;
using Actors.Cluster.TestGrains;
using Actors.TestKit;
using Actors.TestKit.Postgres;

namespace Actors.Cluster.Tests;

/// <summary>Three silo processes on PostgreSQL: one activation per grain, and what happens when a silo dies.</summary>
public sealed class FailoverTests(PostgresDatabase database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HundredConcurrentFirstCallsFromAllSilos_ReachOneActivation()
    {
        await using var cluster = await StartClusterAsync(3);
        await using var client = await cluster.ConnectClientAsync(Cancel);

        var calls = Enumerable.Range(0, 100)
            .Select(i => client.GetGrain<INodeRelayGrain>(cluster.Silos[i % 3].NodeName).IncrementCounterAsync("contended"))
            .ToList();
        var answers = await Task.WhenAll(calls);

        Assert.Single(answers.Select(a => a.ActivationId).Distinct());
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), answers.Select(a => a.Value).Order());
    }

    [Fact]
    public async Task KillNine_TheSilosGrainsAnswerAgainElsewhere_FromPersistedState()
    {
        await using var cluster = await StartClusterAsync(3);
        var victim = cluster.Silos[2];
        await using var client = await cluster.ConnectClientAsync(Cancel, cluster.Silos[0], cluster.Silos[1]);
        await client.GetGrain<INodeRelayGrain>(victim.NodeName).TouchLocalCountersAsync(["survivor"]);
        var counter = client.GetGrain<ILocalCounterGrain>("survivor");
        var before = await counter.IncrementAsync();
        Assert.True(victim.Is(before.Silo), $"the counter should live on {victim}, not {before.Silo}");
        Assert.Equal(2, before.Value);

        victim.Process.Kill();
        cluster.Remove(victim);
        var elapsed = Stopwatch.StartNew();
        var after = await RetryUntilAnswerAsync(() => counter.IncrementAsync(), TimeSpan.FromSeconds(30));

        Assert.False(victim.Is(after.Silo), "the counter came back on the killed silo");
        Assert.Equal(3, after.Value);
        TestContext.Current.SendDiagnosticMessage($"first successful call {elapsed.ElapsedMilliseconds} ms after SIGKILL");
    }

    [Fact]
    public async Task KillNine_RemindersOfTheDeadSilosRangeFireOnTheirNewOwners()
    {
        await using var cluster = await StartClusterAsync(3);
        var victim = cluster.Silos[2];
        await using var client = await cluster.ConnectClientAsync(Cancel, cluster.Silos[0], cluster.Silos[1]);
        var tickers = Enumerable.Range(0, 30).Select(i => client.GetGrain<ITickerGrain>("ticker-" + i)).ToList();
        await Task.WhenAll(tickers.Select(t => t.StartAsync()));
        await Poll.UntilAsync(async () => (await Task.WhenAll(tickers.Select(t => t.GetTicksAsync()))).All(t => t.Value > 0), TimeSpan.FromSeconds(30), "every ticker to tick", Cancel);
        var beforeKill = await Task.WhenAll(tickers.Select(t => t.GetTicksAsync()));
        Assert.Contains(beforeKill, t => victim.Is(t.Silo));

        victim.Process.Kill();
        cluster.Remove(victim);

        // Every ticker, including those whose reminders the dead silo fired, ticks at least twice more, elsewhere.
        await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    var now = await Task.WhenAll(tickers.Select(t => t.GetTicksAsync()));
                    return now.Zip(beforeKill).All(p => p.First.Value >= p.Second.Value + 2 && !victim.Is(p.First.Silo));
                }
                catch (SiloUnavailableException)
                {
                    return false; // A call reached the dead silo before the cluster declared it dead; ask again.
                }
            },
            TimeSpan.FromSeconds(45),
            "every reminder to fire again on a live silo",
            Cancel);
        await Task.WhenAll(tickers.Select(t => t.StopAsync()));
    }

    [Fact]
    public async Task APausedSiloDeclaredDead_StopsItselfWithANonZeroExitCode_WhenResumed()
    {
        await using var cluster = await StartClusterAsync(3);
        var paused = cluster.Silos[2];
        await using var client = await cluster.ConnectClientAsync(Cancel, cluster.Silos[0], cluster.Silos[1]);
        await client.GetGrain<INodeRelayGrain>(paused.NodeName).TouchLocalCountersAsync(["frozen"]);

        paused.Process.Pause();
        try
        {
            // The others vote it dead; its grains then answer from another silo.
            var moved = await RetryUntilAnswerAsync(() => client.GetGrain<ILocalCounterGrain>("frozen").IncrementAsync(), TimeSpan.FromSeconds(30));
            Assert.False(paused.Is(moved.Silo));
            var pinned = await Assert.ThrowsAsync<NodeOfflineException>(() => client.GetGrain<INodeRelayGrain>(paused.NodeName).WhereAsync());
            Assert.Contains(paused.NodeName, pinned.Message, StringComparison.Ordinal);
        }
        finally
        {
            paused.Process.Resume();
        }

        var exitCode = await paused.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 3, $"exit code {exitCode}; output:\n{paused.Process.Output}");
        Assert.Contains("declared silo", paused.Process.Output, StringComparison.Ordinal);
        cluster.Remove(paused);
    }

    private async Task<ProcessCluster> StartClusterAsync(int silos)
    {
        var connectionString = await database.CreateDatabaseAsync(migrate: false, Cancel);
        return await ProcessCluster.StartAsync(connectionString, silos, Cancel);
    }

    /// <summary>Calls until a call succeeds (calls fail while the cluster has not yet declared the dead silo dead).</summary>
    private static async Task<T> RetryUntilAnswerAsync<T>(Func<Task<T>> call, TimeSpan timeout)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call().WaitAsync(TimeSpan.FromSeconds(5), Cancel);
            }
            catch (Exception ex) when (ex is SiloUnavailableException or TimeoutException && elapsed.Elapsed < timeout)
            {
                // The silo is dead but not yet declared so; the next call goes through the directory again.
            }
        }
    }
}
