using System.Diagnostics;
using System.Globalization;
using Actors.Cluster.TestGrains;
using Actors.TestKit;
using Actors.TestKit.Postgres;
using Actors.TestKit.Processes;

namespace Actors.Cluster.Tests;

/// <summary>Silos join and leave, and the database restarts, while calls keep flowing.</summary>
public sealed class ScalingTests(PostgresDatabase database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task JoinsAndGracefulLeaves_UnderSteadyLoad_LoseNoCall()
    {
        var connectionString = await database.CreateDatabaseAsync(migrate: false, Cancel);
        await using var cluster = await ProcessCluster.StartAsync(connectionString, 3, Cancel);
        await using var client = await cluster.ConnectClientAsync(Cancel);
        await using var load = new CallLoad(client, "steady-", callers: 16, counters: 48, TimeSpan.FromMinutes(3));
        await load.WaitForCallsAsync(300, TimeSpan.FromSeconds(60), Cancel);

        // A new silo joins and receives new activations.
        var joined = await cluster.AddSiloAsync(Cancel);
        await load.WaitForCallsAsync(300, TimeSpan.FromSeconds(60), Cancel);
        var fresh = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.GetGrain<ICounterGrain>("fresh-" + i).GetAsync()));
        Assert.Contains(fresh, f => joined.Is(f.Silo));

        // A silo leaves gracefully (SIGTERM): it hands its grains back while the calls go on.
        var leaving = cluster.Silos[1];
        leaving.Process.Terminate();
        Assert.Equal(0, await leaving.Process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        cluster.Remove(leaving);
        await load.WaitForCallsAsync(300, TimeSpan.FromSeconds(60), Cancel);
        await load.StopAsync();

        Assert.True(load.Failures.Count == 0, $"{load.Failures.Count} of {load.Calls + load.Failures.Count} calls failed: {string.Join("; ", load.Failures.Take(5).Select(f => f.GetType().Name + ": " + f.Message))}");
        foreach (var (key, succeeded) in load.Succeeded)
        {
            var stored = await client.GetGrain<ICounterGrain>(key).GetAsync();
            Assert.Equal(succeeded, stored.Value);
        }
    }

    [Fact]
    public async Task PostgreSqlRestartedUnderLoad_TheClusterRecoversByItself()
    {
        await using var server = await PrivatePostgres.StartAsync(Cancel);
        await using var cluster = await ProcessCluster.StartAsync(server.ConnectionString, 3, Cancel);
        await using var client = await cluster.ConnectClientAsync(Cancel);
        await using var load = new CallLoad(client, "outage-", callers: 8, counters: 24, TimeSpan.FromMinutes(3));
        await load.WaitForCallsAsync(200, TimeSpan.FromSeconds(60), Cancel);

        await server.RestartAsync(Cancel);

        // Calls succeed again without anyone's help, and no silo was declared dead for the table's outage.
        await load.WaitForCallsAsync(300, TimeSpan.FromSeconds(60), Cancel);
        await load.StopAsync();
        foreach (var silo in cluster.Silos)
        {
            Assert.False(silo.Process.HasExited, $"{silo} exited with code {(silo.Process.HasExited ? silo.Process.ExitCode : 0)}:\n{silo.Process.Output}");
        }

        var relays = await Task.WhenAll(cluster.Silos.Select(s => client.GetGrain<INodeRelayGrain>(s.NodeName).WhereAsync()));
        Assert.All(cluster.Silos.Zip(relays), p => Assert.True(p.First.Is(p.Second.Silo), $"{p.First} is not serving its node's grains"));
    }

    /// <summary>A PostgreSQL server of this test alone (scripts/postgres.sh on a free port), so it can be restarted.</summary>
    private sealed class PrivatePostgres : IAsyncDisposable
    {
        private readonly Dictionary<string, string> _environment;

        private PrivatePostgres(int port)
        {
            _environment = new Dictionary<string, string>
            {
                ["ACTORS_PG_PORT"] = port.ToString(CultureInfo.InvariantCulture),
                ["ACTORS_PG_STATE"] = Path.Combine(Path.GetTempPath(), "actors-pg-test-" + Guid.NewGuid().ToString("N")[..8]),
            };
            ConnectionString = $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=postgres";
        }

        public string ConnectionString { get; }

        public static async Task<PrivatePostgres> StartAsync(CancellationToken cancellationToken)
        {
            var server = new PrivatePostgres(FreePorts.Next());
            await server.RunAsync("start", cancellationToken);
            return server;
        }

        public Task RestartAsync(CancellationToken cancellationToken) => RunAsync("restart", cancellationToken);

        public async ValueTask DisposeAsync() => await RunAsync("stop", CancellationToken.None);

        private async Task RunAsync(string command, CancellationToken cancellationToken)
        {
            var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "postgres.sh"));
            info.ArgumentList.Add(command);
            foreach (var (key, value) in _environment)
            {
                info.Environment[key] = value;
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromMinutes(3), cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"postgres.sh {command} failed ({process.ExitCode}): {await output}{await error}");
            }
        }
    }
}
