using Actors.TestKit.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Actors.Runtime.PostgreSql.Tests;

/// <summary>The migrator on real, fresh databases: concurrent silos, upgrades, failures.</summary>
public sealed class SchemaMigratorTests(PostgresDatabase database)
{
    private readonly PostgresDatabase _database = database;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_ConcurrentRunsOnFreshDatabase_ApplyEachMigrationOnce()
    {
        const int Silos = 12;
        var connectionString = await _database.CreateDatabaseAsync(migrate: false, Token);
        var dataSources = Enumerable.Range(0, Silos).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
        try
        {
            // The test holds the migrators' advisory lock first, so all of them are queued on it before any runs:
            // maximal contention on an empty database, whatever the machine's timing.
            await using var gate = await dataSources[0].OpenConnectionAsync(Token);
            await ExecuteAsync(gate, "SELECT pg_advisory_lock($1)", SchemaMigrator.AdvisoryLockKey);

            var runs = dataSources.Select(ds =>
                Task.Run(() => new SchemaMigrator(ds, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Token), Token)).ToList();
            await WaitForLockWaitersAsync(gate, Silos, runs);
            await ExecuteAsync(gate, "SELECT pg_advisory_unlock($1)", SchemaMigrator.AdvisoryLockKey);
            var applied = await Task.WhenAll(runs);

            Assert.Equal(SchemaMigrations.All.Count, applied.Sum());
            Assert.Equal(Silos - 1, applied.Count(n => n == 0));
            Assert.Equal(SchemaMigrations.All.Select(m => (m.Version, m.Name)), await ReadHistoryAsync(dataSources[0]));
            Assert.True(await ExistsAsync(dataSources[0], "actors_grain_state"), "actors_grain_state was not created");
            Assert.True(await ExistsAsync(dataSources[0], "actors_reminders"), "actors_reminders was not created");
            Assert.True(await ExistsAsync(dataSources[0], "actors_reminders_ring"), "the ring index was not created");
        }
        finally
        {
            foreach (var dataSource in dataSources)
            {
                await dataSource.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task MigrateAsync_SchemaAlreadyCurrent_AppliesNothing()
    {
        var before = await ReadHistoryAsync(_database.DataSource);

        var applied = await new SchemaMigrator(_database.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Token);

        Assert.Equal(0, applied);
        Assert.Equal(before, await ReadHistoryAsync(_database.DataSource));
        Assert.Equal(SchemaMigrator.LatestVersion, before.Count);
    }

    [Fact]
    public async Task MigrateAsync_MigrationAddedLater_AppliesOnlyTheNewOne()
    {
        await using var dataSource = NpgsqlDataSource.Create(await _database.CreateDatabaseAsync(migrate: false, Token));
        var first = new SchemaMigration(1, "first", "CREATE TABLE first_table (id int PRIMARY KEY); INSERT INTO first_table VALUES (1);");
        var second = new SchemaMigration(2, "second", "CREATE TABLE second_table (id int PRIMARY KEY);");
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance, [first]).MigrateAsync(Token);

        // Re-running version 1 would fail on the existing table: only version 2 may run.
        var applied = await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance, [first, second]).MigrateAsync(Token);

        Assert.Equal(1, applied);
        Assert.Equal([(1, "first"), (2, "second")], await ReadHistoryAsync(dataSource));
        Assert.True(await ExistsAsync(dataSource, "second_table"), "second_table was not created");
    }

    [Fact]
    public async Task MigrateAsync_FailingMigration_RollsBackTheWholeRun()
    {
        await using var dataSource = NpgsqlDataSource.Create(await _database.CreateDatabaseAsync(migrate: false, Token));
        var good = new SchemaMigration(1, "good", "CREATE TABLE good_table (id int PRIMARY KEY);");
        var broken = new SchemaMigration(2, "broken", "ALTER TABLE no_such_table ADD COLUMN x int;");

        var ex = await Assert.ThrowsAsync<PostgresException>(
            () => new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance, [good, broken]).MigrateAsync(Token));

        Assert.Equal(PostgresErrorCodes.UndefinedTable, ex.SqlState);
        Assert.False(await ExistsAsync(dataSource, "good_table"), "version 1 of a failed run was kept");
        Assert.False(await ExistsAsync(dataSource, "actors_schema_migrations"), "the history of a failed run was kept");
    }

    [Fact]
    public async Task MigrateAsync_AnotherTrack_KeepsItsOwnHistoryBesideTheRuntimes()
    {
        await using var dataSource = NpgsqlDataSource.Create(await _database.CreateDatabaseAsync(migrate: true, Token));
        var runtimeHistory = await ReadHistoryAsync(dataSource);
        var track = SchemaMigrationTrack.FromMigrations("extra", [new SchemaMigration(1, "extra", "CREATE TABLE extra_table (id int PRIMARY KEY);")]);

        var first = await new SchemaMigrator(dataSource, track, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Token);
        var second = await new SchemaMigrator(dataSource, track, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Token);
        var runtimeAgain = await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Token);

        Assert.Equal((1, 0, 0), (first, second, runtimeAgain));
        Assert.Equal("actors_extra_schema_migrations", track.HistoryTable);
        Assert.Equal([(1, "extra")], await ReadHistoryAsync(dataSource, track.HistoryTable));
        Assert.Equal(runtimeHistory, await ReadHistoryAsync(dataSource));
        Assert.True(await ExistsAsync(dataSource, "extra_table"), "the other track's table was not created");
    }

    /// <summary>
    /// Waits until <paramref name="expected"/> sessions wait for the migrators' advisory lock in this database. The
    /// server's lock table is the only signal there is, so it is polled (no sleeps) within a deadline, and the wait
    /// ends early if a run finishes: one that finishes while the test holds the lock never queued on it.
    /// </summary>
    private static async Task WaitForLockWaitersAsync(NpgsqlConnection connection, int expected, IReadOnlyList<Task<int>> runs)
    {
        const string Sql = """
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND classid::bigint = $1 AND objid::bigint = $2 AND objsubid = 1
            """;
        var started = TimeProvider.System.GetTimestamp();
        var waiting = 0L;
        while (waiting < expected)
        {
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"After 30 s only {waiting} of {expected} migrators wait for the advisory lock; the others are blocked elsewhere (on a lock taken before it?).");
            }

            if (runs.FirstOrDefault(r => r.IsCompleted) is { } finished)
            {
                await finished;
                Assert.Fail($"A migrator finished while the test held the advisory lock ({waiting} of {expected} were waiting): it did not take the lock.");
            }

            await using var command = new NpgsqlCommand(Sql, connection);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (long)((ulong)SchemaMigrator.AdvisoryLockKey >> 32) });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = SchemaMigrator.AdvisoryLockKey & 0xFFFF_FFFF });
            waiting = (long)(await command.ExecuteScalarAsync(Token))!;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, long key)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        await command.ExecuteNonQueryAsync(Token);
    }

    private static async Task<List<(int Version, string Name)>> ReadHistoryAsync(NpgsqlDataSource dataSource, string table = "actors_schema_migrations")
    {
        await using var command = dataSource.CreateCommand($"SELECT version, name FROM {table} ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync(Token);
        var history = new List<(int, string)>();
        while (await reader.ReadAsync(Token))
        {
            history.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return history;
    }

    private static async Task<bool> ExistsAsync(NpgsqlDataSource dataSource, string relation)
    {
        await using var command = dataSource.CreateCommand("SELECT to_regclass($1) IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = relation });
        return (bool)(await command.ExecuteScalarAsync(Token))!;
    }
}
