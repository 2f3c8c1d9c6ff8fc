using Actors.GrainInterfaces.Jobs;
using Actors.TestKit;
using Actors.TestKit.Postgres;
using Npgsql;

namespace Actors.Grains.PostgreSql.Tests;

/// <summary>What only the PostgreSQL store has: group commit, per-write outcomes inside a batch, exact cancellation, back-pressure.</summary>
public sealed class PostgreSqlJobStoreTests(PostgresDatabase database)
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly PostgresDatabase _database = database;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InsertAsync_500Concurrent_ShareFarFewerRoundTrips()
    {
        const int Jobs = 500;
        await using var store = await JobStores.CreateAsync(_database);
        await store.EnsureSchemaAsync(Token);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Jobs).Select(i => Task.Run(() => store.InsertAsync(Job($"j-{i:D3}"), Token), Token)));

        Assert.All(outcomes, Assert.True);
        Assert.Equal(Jobs, await CountAsync(store, "SELECT count(*) FROM actors_jobs"));
        Assert.True(store.BatchesExecuted < Jobs / 4, $"{Jobs} concurrent inserts ran in {store.BatchesExecuted} round trips; expected fewer than {Jobs / 4}");
    }

    [Fact]
    public async Task InsertAsync_RowRejectedInsideBatch_OthersLandAndOnlyItsCallerFails()
    {
        await using var store = await JobStores.CreateAsync(_database, o => o.Writers = 1);
        await store.EnsureSchemaAsync(Token);
        await ExecuteAsync(store, "ALTER TABLE actors_jobs ADD CONSTRAINT no_poison CHECK (id <> 'poison')");
        await using var tableLock = await JobsTableLock.TakeAsync(store);
        var blocker = store.InsertAsync(Job("blocker"), Token);
        await tableLock.WaitForWaitersAsync(1);

        // Queued behind the blocked writer, so they travel together in its next batch.
        var good = Enumerable.Range(0, 20).Select(i => store.InsertAsync(Job($"good-{i:D2}"), Token)).ToList();
        var poison = store.InsertAsync(Job("poison"), Token);
        good.AddRange(Enumerable.Range(20, 5).Select(i => store.InsertAsync(Job($"good-{i:D2}"), Token)));
        await Poll.UntilAsync(() => store.PendingWrites == 26, TimeSpan.FromSeconds(30), "26 inserts queued", Token);
        await tableLock.ReleaseAsync();

        Assert.True(await blocker);
        Assert.All(await Task.WhenAll(good), Assert.True);
        var ex = await Assert.ThrowsAsync<PostgresException>(() => poison);
        Assert.Equal(PostgresErrorCodes.CheckViolation, ex.SqlState);
        Assert.Equal(1, store.RejectedBatches);
        Assert.Equal(1 + 1 + 26, store.BatchesExecuted); // the blocker, the rejected batch, then each write alone
        Assert.Equal(26, await CountAsync(store, "SELECT count(*) FROM actors_jobs"));
        Assert.Null(await store.GetAsync("poison", Token));
    }

    [Fact]
    public async Task WritesToOneJobInOneBatch_BehaveAsIfRunOneAfterAnother()
    {
        await using var store = await JobStores.CreateAsync(_database, o => o.Writers = 1);
        Assert.True(await store.InsertAsync(Job("a", version: 1), Token));
        await using var tableLock = await JobsTableLock.TakeAsync(store);
        var blocker = store.InsertAsync(Job("blocker"), Token);
        await tableLock.WaitForWaitersAsync(1);

        var firstUpdate = store.UpdateAsync(Job("a", JobStatus.Scheduled, version: 2) with { Node = "x" }, 1, Token);
        var rivalUpdate = store.UpdateAsync(Job("a", JobStatus.Scheduled, version: 2) with { Node = "y" }, 1, Token);
        var followUp = store.UpdateAsync(Job("a", JobStatus.Running, version: 3) with { Node = "x" }, 2, Token);
        var insert = store.InsertAsync(Job("b") with { Reason = "first" }, Token);
        var duplicateInsert = store.InsertAsync(Job("b") with { Reason = "second" }, Token);
        var firstOutput = store.PutOutputAsync("a", 1, "one"u8.ToArray(), Token);
        var secondOutput = store.PutOutputAsync("a", 1, "two"u8.ToArray(), Token);
        await Poll.UntilAsync(() => store.PendingWrites == 7, TimeSpan.FromSeconds(30), "7 writes queued", Token);
        await tableLock.ReleaseAsync();
        await Task.WhenAll(blocker, firstOutput, secondOutput);

        Assert.Equal((true, false, true), (await firstUpdate, await rivalUpdate, await followUp));
        Assert.Equal((true, false), (await insert, await duplicateInsert));
        Assert.Equal(3, store.BatchesExecuted); // insert of a, the blocker, then all seven together
        var a = Assert.IsType<JobSnapshot>(await store.GetAsync("a", Token));
        Assert.Equal((JobStatus.Running, 3L, "x"), (a.Status, a.Version, a.Node));
        Assert.Equal("first", (await store.GetAsync("b", Token))?.Reason);
        Assert.Equal("two"u8.ToArray(), await store.GetOutputAsync("a", 1, Token));
    }

    [Fact]
    public async Task InsertAsync_CancelledWhileQueued_IsNeverWritten()
    {
        await using var store = await JobStores.CreateAsync(_database, o => o.Writers = 1);
        await store.EnsureSchemaAsync(Token);
        await using var tableLock = await JobsTableLock.TakeAsync(store);
        var blocker = store.InsertAsync(Job("blocker"), Token);
        await tableLock.WaitForWaitersAsync(1);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var cancelled = store.InsertAsync(Job("cancelled"), cancellation.Token);
        var kept = store.InsertAsync(Job("kept"), Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await tableLock.ReleaseAsync();
        Assert.True(await blocker);
        Assert.True(await kept);
        Assert.Null(await store.GetAsync("cancelled", Token));
        Assert.Equal(2, store.BatchesExecuted);
    }

    [Fact]
    public async Task InsertAsync_QueueFull_CallerWaitsForRoomWithoutQueueing()
    {
        await using var store = await JobStores.CreateAsync(_database, o => (o.Writers, o.BatchSize, o.MaxPendingWrites) = (1, 2, 2));
        await store.EnsureSchemaAsync(Token);
        await using var tableLock = await JobsTableLock.TakeAsync(store);
        var blocker = store.InsertAsync(Job("blocker"), Token);
        await tableLock.WaitForWaitersAsync(1);
        var queued = new[] { store.InsertAsync(Job("q-1"), Token), store.InsertAsync(Job("q-2"), Token) };
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);

        // The queue holds 2: the third caller is left waiting for room by the time the call returns its task.
        var waiting = store.InsertAsync(Job("waiting"), cancellation.Token);
        var pendingWhileWaiting = store.PendingWrites;
        var completedEarly = waiting.IsCompleted;
        await cancellation.CancelAsync();

        Assert.Equal((2, false), (pendingWhileWaiting, completedEarly));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await tableLock.ReleaseAsync();
        Assert.True(await blocker);
        Assert.All(await Task.WhenAll(queued), Assert.True);
        Assert.Null(await store.GetAsync("waiting", Token));
    }

    [Fact]
    public async Task InsertAsync_DatabaseKeepsFailing_EveryCallerGetsTheErrorAndLaterWritesSucceed()
    {
        // Writes wait at most 300 ms for a table lock, then PostgreSQL fails them (55P03): a failure every write of
        // the batch meets, alone or together.
        var connectionString = new NpgsqlConnectionStringBuilder(await JobStores.NewSchemaAsync(_database)) { Options = "-c lock_timeout=300" }.ConnectionString;
        await using var store = new PostgreSqlJobStore(
            NpgsqlDataSource.Create(connectionString), new PostgreSqlJobStoreOptions { Writers = 1 }, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, ownsDataSource: true);
        await store.EnsureSchemaAsync(Token);
        var tableLock = await JobsTableLock.TakeAsync(store);

        var failing = Enumerable.Range(0, 5).Select(i => store.InsertAsync(Job($"f-{i}"), Token)).ToList();
        var errors = new List<PostgresException>();
        foreach (var write in failing)
        {
            errors.Add(await Assert.ThrowsAsync<PostgresException>(() => write));
        }

        await tableLock.DisposeAsync();
        Assert.All(errors, e => Assert.Equal(PostgresErrorCodes.LockNotAvailable, e.SqlState));
        Assert.True(await store.InsertAsync(Job("after"), Token));
        Assert.Equal(["after"], (await store.ListAsync(new Jobs.Storage.JobQuery(null, null, null, 10, null), Token)).Jobs.Select(j => j.Id));
    }

    [Fact]
    public async Task DisposeAsync_WithWritesQueued_FinishesThemThenRefusesMore()
    {
        var store = await JobStores.CreateAsync(_database, o => o.Writers = 1);
        await store.EnsureSchemaAsync(Token);
        var tableLock = await JobsTableLock.TakeAsync(store);
        var blocker = store.InsertAsync(Job("blocker"), Token);
        await tableLock.WaitForWaitersAsync(1);
        var queued = store.InsertAsync(Job("queued"), Token);

        var disposing = store.DisposeAsync().AsTask();
        await tableLock.DisposeAsync();
        await disposing;

        Assert.True(await blocker);
        Assert.True(await queued);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.InsertAsync(Job("late"), Token));
    }

    [Fact]
    public async Task FirstUse_ManyStoresOnFreshDatabase_MigrateOnce()
    {
        var connectionString = await JobStores.NewSchemaAsync(_database);
        var stores = Enumerable.Range(0, 6)
            .Select(_ => new PostgreSqlJobStore(NpgsqlDataSource.Create(connectionString), new PostgreSqlJobStoreOptions(), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, ownsDataSource: true))
            .ToList();
        try
        {
            var outcomes = await Task.WhenAll(stores.Select((store, i) => Task.Run(() => store.InsertAsync(Job($"first-{i}"), Token), Token)));

            Assert.All(outcomes, Assert.True);
            Assert.Equal(1, await CountAsync(stores[0], "SELECT count(*) FROM actors_jobs_schema_migrations"));
            Assert.Equal(6, (await stores[5].ListAsync(new Jobs.Storage.JobQuery(null, null, null, 10, null), Token)).Jobs.Count);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    private static JobSnapshot Job(string id, JobStatus status = JobStatus.Queued, long version = 1) => new(
        id,
        status,
        new JobSpec("actors/cat:latest", null, null, 0, null, 300, null, null, 3, false, null, "alice", null),
        Epoch,
        Epoch,
        null,
        [],
        null,
        null,
        null,
        null,
        false,
        null,
        null,
        version);

    private static async Task<long> CountAsync(PostgreSqlJobStore store, string sql)
    {
        await using var command = store.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }

    private static async Task ExecuteAsync(PostgreSqlJobStore store, string sql)
    {
        await using var command = store.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Token);
    }
}
