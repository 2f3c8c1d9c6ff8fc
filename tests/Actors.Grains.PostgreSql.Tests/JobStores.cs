using Actors.TestKit.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Actors.Grains.PostgreSql.Tests;

/// <summary>
/// PostgreSQL job stores in fresh, empty schemas of the run's database (the store migrates its own schema on first
/// use). A schema per test rather than a database per test: creating and dropping dozens of databases makes the
/// server checkpoint for tens of seconds, while schemas cost almost nothing and go with the run's database.
/// </summary>
internal static class JobStores
{
    /// <summary>A connection string whose search path is a new empty schema: tables created through it land there.</summary>
    public static async Task<string> NewSchemaAsync(PostgresDatabase database)
    {
        var schema = "jobs_" + Guid.NewGuid().ToString("N")[..16];
        await using (var create = database.DataSource.CreateCommand($"CREATE SCHEMA {schema}"))
        {
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>A store that owns a data source on a new empty schema; disposing the store disposes it.</summary>
    public static async Task<PostgreSqlJobStore> CreateAsync(PostgresDatabase database, Action<PostgreSqlJobStoreOptions>? configure = null)
    {
        var connectionString = await NewSchemaAsync(database);
        var options = new PostgreSqlJobStoreOptions();
        configure?.Invoke(options);
        return new PostgreSqlJobStore(NpgsqlDataSource.Create(connectionString), options, NullLoggerFactory.Instance, ownsDataSource: true);
    }
}
