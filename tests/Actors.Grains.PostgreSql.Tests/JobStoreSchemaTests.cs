using Actors.Runtime.PostgreSql;
using Actors.TestKit.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Actors.Grains.PostgreSql.Tests;

/// <summary>The job store's own migration track, beside the runtime's.</summary>
public sealed class JobStoreSchemaTests(PostgresDatabase database)
{
    private readonly PostgresDatabase _database = database;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_Twice_AppliesOnceAndLeavesTheRuntimeTrackAlone()
    {
        await using var dataSource = NpgsqlDataSource.Create(await JobStores.NewSchemaAsync(_database));
        var migrator = new SchemaMigrator(dataSource, JobStoreSchema.Track, NullLogger<SchemaMigrator>.Instance);

        var first = await migrator.MigrateAsync(Token);
        var second = await migrator.MigrateAsync(Token);

        Assert.Equal((1, 0), (first, second));
        Assert.Equal(["1 jobs"], await ReadAsync(dataSource, "SELECT version || ' ' || name FROM actors_jobs_schema_migrations ORDER BY version"));
        Assert.Equal(["actors_job_blobs", "actors_jobs", "actors_jobs_schema_migrations"], await TablesAsync(dataSource));

        // The runtime's track applies its own scripts in the same database, and the jobs track stays as it was.
        var runtime = await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Token);
        Assert.Equal(SchemaMigrator.LatestVersion, runtime);
        Assert.Equal(0, await migrator.MigrateAsync(Token));
        Assert.Equal(["1 jobs"], await ReadAsync(dataSource, "SELECT version || ' ' || name FROM actors_jobs_schema_migrations ORDER BY version"));
    }

    [Fact]
    public async Task EnsureSchemaAsync_OnRuntimeMigratedDatabase_AddsJobTablesAndIsIdempotent()
    {
        await using var store = await JobStores.CreateAsync(_database);
        await using (var runtime = NpgsqlDataSource.Create(store.DataSource.ConnectionString))
        {
            await new SchemaMigrator(runtime, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Token);
        }

        await store.EnsureSchemaAsync(Token);
        await store.EnsureSchemaAsync(Token);
        await using var again = new PostgreSqlJobStore(store.DataSource, new PostgreSqlJobStoreOptions(), NullLoggerFactory.Instance);
        await again.EnsureSchemaAsync(Token);

        Assert.Equal(["1 jobs"], await ReadAsync(store.DataSource, "SELECT version || ' ' || name FROM actors_jobs_schema_migrations"));
        Assert.Contains("actors_grain_state", await TablesAsync(store.DataSource));
    }

    [Fact]
    public async Task UnfinishedQuery_UsesThePartialIndex()
    {
        await using var store = await JobStores.CreateAsync(_database);
        await store.EnsureSchemaAsync(Token);
        await using var connection = await store.DataSource.OpenConnectionAsync(Token);

        // With sequential scans priced out, the plan shows whether the query's predicate matches the index's.
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync(Token);
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + PostgreSqlJobStore.UnfinishedSql, connection);
        explain.Parameters.Add(new NpgsqlParameter<int> { TypedValue = 10 });
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(Token))
        {
            while (await reader.ReadAsync(Token))
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Equal("'Queued', 'Scheduled', 'Running'", JobStoreSchema.UnfinishedStatuses);
        Assert.Contains(plan, line => line.Contains("actors_jobs_unfinished", StringComparison.Ordinal));
    }

    private static async Task<List<string>> TablesAsync(NpgsqlDataSource dataSource) =>
        await ReadAsync(dataSource, "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename COLLATE \"C\"");

    private static async Task<List<string>> ReadAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(Token);
        var rows = new List<string>();
        while (await reader.ReadAsync(Token))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
