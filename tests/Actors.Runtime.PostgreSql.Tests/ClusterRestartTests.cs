using Actors.Runtime.Hosting;
using Actors.Runtime.PostgreSql.Tests.Grains;
using Actors.TestKit;
using Actors.TestKit.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.PostgreSql.Tests;

/// <summary>Whole silos on PostgreSQL: grain state and reminders outlive every silo of the cluster.</summary>
public sealed class ClusterRestartTests(PostgresDatabase database)
{
    private readonly PostgresDatabase _database = database;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GrainStateAndReminders_AfterWholeClusterRestart_AreReadFromTheDatabase()
    {
        var clusterId = PostgresDatabase.NewClusterId();
        await using (var cluster = await TestCluster.StartAsync(Options(clusterId), Token))
        {
            var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("visits");
            for (var i = 0; i < 3; i++)
            {
                await counter.IncrementAsync();
            }

            await counter.RemindAsync("nightly");
        }

        await using var restarted = await TestCluster.StartAsync(Options(clusterId), Token);
        var again = restarted.GrainFactory.GetGrain<ICounterGrain>("visits");

        Assert.Equal(new CounterSnapshot(3, "3", RecordExists: true), await again.GetAsync());
        Assert.Equal(["nightly"], await again.ListRemindersAsync());
        Assert.Equal(4, await again.IncrementAsync());
    }

    [Fact]
    public async Task Reminder_RegisteredBeforeWholeClusterRestart_FiresAfterIt()
    {
        var clusterId = PostgresDatabase.NewClusterId();
        await using (var cluster = await TestCluster.StartAsync(Options(clusterId, new Probe()), Token))
        {
            await cluster.GrainFactory.GetGrain<ITickingGrain>("durable").StartAsync("r", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
        }

        // A new cluster (new processes' worth of silos, nothing in memory) reads the reminder from the table.
        var probe = new Probe();
        await using var restarted = await TestCluster.StartAsync(Options(clusterId, probe), Token);

        await probe.WaitForCountAsync("tick:durable:r", 2);
    }

    [Fact]
    public async Task GrainState_OfAnotherCluster_IsNotSeen()
    {
        var clusterId = PostgresDatabase.NewClusterId();
        await using (var cluster = await TestCluster.StartAsync(Options(clusterId), Token))
        {
            await cluster.GrainFactory.GetGrain<ICounterGrain>("visits").IncrementAsync();
        }

        await using var other = await TestCluster.StartAsync(Options(PostgresDatabase.NewClusterId()), Token);
        var counter = other.GrainFactory.GetGrain<ICounterGrain>("visits");

        Assert.Equal(new CounterSnapshot(0, null, RecordExists: false), await counter.GetAsync());
        Assert.Empty(await counter.ListRemindersAsync());
    }

    private TestClusterOptions Options(string clusterId, Probe? probe = null) => new()
    {
        ClusterId = clusterId,
        ConfigureServices = services => services.AddSingleton(probe ?? new Probe()),
        ConfigureSilo = silo => silo.AddGrain<CounterGrain>().AddGrain<TickingGrain>().UsePostgreSql(_database.ConnectionString),
    };
}
