using System.Globalization;
using Actors.Grains.Jobs.Storage;
using Actors.Runtime.Hosting;
using Actors.Runtime.PostgreSql;
using Actors.TestKit;
using Actors.TestKit.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Grains.PostgreSql.Tests;

/// <summary>AddInMemoryJobStore and AddPostgreSqlJobStore: what they register, and what a silo does with it at start.</summary>
public sealed class PostgreSqlJobStoreServiceCollectionExtensionsTests(PostgresDatabase database)
{
    private readonly PostgresDatabase _database = database;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddPostgreSqlJobStore_AfterInMemory_ReplacesItAndInMemoryDoesNotComeBack()
    {
        var services = new ServiceCollection().AddLogging().AddInMemoryJobStore();

        services.AddPostgreSqlJobStore(_database.ConnectionString, o => o.Writers = 2).AddInMemoryJobStore();

        await using var provider = services.BuildServiceProvider();
        var store = Assert.IsType<PostgreSqlJobStore>(Assert.Single(provider.GetServices<IJobStore>()));
        Assert.Same(store, provider.GetRequiredService<PostgreSqlJobStore>());
        Assert.Equal(2, provider.GetRequiredService<IOptions<PostgreSqlJobStoreOptions>>().Value.Writers);
        Assert.NotSame(_database.DataSource, store.DataSource);
    }

    [Fact]
    public async Task AddInMemoryJobStore_Alone_RegistersOneInMemoryStore()
    {
        await using var provider = new ServiceCollection().AddLogging().AddInMemoryJobStore().AddInMemoryJobStore().BuildServiceProvider();

        Assert.IsType<InMemoryJobStore>(Assert.Single(provider.GetServices<IJobStore>()));
    }

    [Fact]
    public async Task AddPostgreSqlJobStore_EmptyConnectionString_FailsWithTheValidatorsMessage()
    {
        await using var provider = new ServiceCollection().AddLogging().AddPostgreSqlJobStore(" ").BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IJobStore>());

        Assert.Contains("The connection string of the job store (AddPostgreSqlJobStore) is empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiloStart_JobStoreOnClusterDatabase_SharesItsDataSourceAndMigratesBothTracks()
    {
        var connectionString = await JobStores.NewSchemaAsync(_database);
        using var host = BuildSilo(silo => silo.UsePostgreSql(connectionString), services => services.AddPostgreSqlJobStore(connectionString));

        await host.StartAsync(Token);
        try
        {
            var store = Assert.IsType<PostgreSqlJobStore>(host.Services.GetRequiredService<IJobStore>());
            Assert.Same(host.Services.GetRequiredKeyedService<NpgsqlDataSource>(PostgreSqlOptions.ClusterDatabase), store.DataSource);

            // Migrated at start, before any use of the store.
            await using var command = store.DataSource.CreateCommand(
                "SELECT (SELECT count(*) FROM actors_jobs_schema_migrations), (SELECT count(*) FROM actors_schema_migrations)");
            await using var reader = await command.ExecuteReaderAsync(Token);
            Assert.True(await reader.ReadAsync(Token));
            Assert.Equal((1L, (long)SchemaMigrator.LatestVersion), (reader.GetInt64(0), reader.GetInt64(1)));
        }
        finally
        {
            await host.StopAsync(Token);
        }
    }

    [Fact]
    public async Task SiloStart_JobsDatabaseUnreachable_FailsTheStart()
    {
        var clusterDatabase = await JobStores.NewSchemaAsync(_database);
        var missing = new NpgsqlConnectionStringBuilder(clusterDatabase) { Database = "actors_no_such_database", Timeout = 5 }.ConnectionString;
        using var host = BuildSilo(silo => silo.UsePostgreSql(clusterDatabase), services => services.AddPostgreSqlJobStore(missing));

        var ex = await Assert.ThrowsAsync<PostgresException>(() => host.StartAsync(Token));

        Assert.Equal(PostgresErrorCodes.InvalidCatalogName, ex.SqlState);
    }

    private static IHost BuildSilo(Action<ISiloBuilder> configureSilo, Action<IServiceCollection> configureServices)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Actors:Silo:ClusterId"] = PostgresDatabase.NewClusterId(),
            ["Actors:Silo:NodeName"] = "node0",
            ["Actors:Silo:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Actors:Silo:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        });
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.UseActorsSilo(configureSilo);
        configureServices(builder.Services);
        return builder.Build();
    }
}
