using Actors.Persistence;
using Actors.Runtime.Hosting;
using Actors.Runtime.Reminders;
using Actors.Runtime.Storage;
using Actors.TestKit.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Runtime.PostgreSql.Tests;

/// <summary>UsePostgreSql and AddPostgreSqlGrainStorage: what they register, what a silo does with it at start.</summary>
public sealed class PostgreSqlSiloBuilderExtensionsTests(PostgresDatabase database)
{
    private readonly PostgresDatabase _database = database;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void UsePostgreSql_ReplacesInMemoryDefaultsWithPostgreSqlProviders()
    {
        using var host = SiloHosts.Build(PostgresDatabase.NewClusterId(), silo => silo
            .UsePostgreSql(_database.ConnectionString)
            .AddPostgreSqlGrainStorage("archive", _database.ConnectionString));

        Assert.IsType<PostgreSqlGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default));
        Assert.IsType<PostgreSqlGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>("archive"));
        Assert.IsType<PostgreSqlReminderTable>(Assert.Single(host.Services.GetServices<IReminderTable>()));
        var dataSource = host.Services.GetRequiredKeyedService<NpgsqlDataSource>(PostgreSqlOptions.ClusterDatabase);
        Assert.Equal(
            new NpgsqlConnectionStringBuilder(_database.ConnectionString).Database,
            new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Database);
    }

    [Fact]
    public async Task StartAsync_FreshDatabases_MigratesClusterAndStorageDatabases()
    {
        var clusterDatabase = await _database.CreateDatabaseAsync(migrate: false, Token);
        var archiveDatabase = await _database.CreateDatabaseAsync(migrate: false, Token);
        using var host = SiloHosts.Build(PostgresDatabase.NewClusterId(), silo => silo
            .UsePostgreSql(clusterDatabase)
            .AddPostgreSqlGrainStorage("archive", archiveDatabase));

        await host.StartAsync(Token);
        await host.StopAsync(Token);

        Assert.Equal(SchemaMigrator.LatestVersion, await CountMigrationsAsync(clusterDatabase));
        Assert.Equal(SchemaMigrator.LatestVersion, await CountMigrationsAsync(archiveDatabase));
    }

    [Fact]
    public async Task StartAsync_EmptyConnectionString_FailsNamingTheClusterDatabase()
    {
        using var host = SiloHosts.Build(PostgresDatabase.NewClusterId(), silo => silo.UsePostgreSql(" "));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Token));

        Assert.Contains("The connection string of the cluster database (UsePostgreSql) is empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_MalformedConnectionString_FailsNamingTheStorageWithoutEchoingIt()
    {
        using var host = SiloHosts.Build(PostgresDatabase.NewClusterId(), silo => silo
            .UsePostgreSql(_database.ConnectionString)
            .AddPostgreSqlGrainStorage("archive", "Hots=db;Password=secret-value"));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Token));

        Assert.Contains("grain storage 'archive' (AddPostgreSqlGrainStorage) is not a valid Npgsql connection string", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<long> CountMigrationsAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM actors_schema_migrations");
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Username=postgres", false)]
    [InlineData("Host=127.0.0.1;Maximum Pool Size=7", true)]
    [InlineData("Host=127.0.0.1;max pool size=7", true)]
    [InlineData("Host=127.0.0.1;MaxPoolSize=7", true)]
    [InlineData("Host=127.0.0.1;Minimum Pool Size=1", false)]
    public void PoolBound_IsTheConnectionStringsOwn_OrTheSilosDefault(string connectionString, bool setsBound) =>
        Assert.Equal(setsBound, PostgreSqlSiloBuilderExtensions.SetsMaxPoolSize(connectionString));
}
