using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.Grains.PostgreSql.Coordination;
using Actors.TestKit.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Actors.Coordination.KeyValue.Tests;

/// <summary>The PostgreSQL store: group commit, durability, fencing of a second writer, history retention.</summary>
public sealed class PostgreSqlKeyValueStoreTests(PostgresDatabase database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConcurrentChanges_ShareCommits_AndANewStoreReadsEverythingBack()
    {
        var connectionString = await NewSchemaAsync();
        await using (var store = Create(connectionString))
        {
            Assert.Equal(0, (await store.LoadAsync(Cancel)).Revision);
            var commits = new List<Task>();
            for (var revision = 1L; revision <= 500; revision++)
            {
                var key = $"k/{revision % 50:D2}";
                commits.Add(store.AppendAsync(revision % 10 == 0
                    ? new KvEvent(revision, KvEventType.Delete, key, null)
                    : new KvEvent(revision, KvEventType.Put, key, new KvEntry(key, [(byte)revision], revision, revision, 1, revision % 3 == 0 ? "s" : null))));
            }

            await Task.WhenAll(commits);
            Assert.True(store.BatchesExecuted < 100, $"500 changes took {store.BatchesExecuted} commits.");
        }

        await using var reopened = Create(connectionString);
        var state = await reopened.LoadAsync(Cancel);
        Assert.Equal(500, state.Revision);

        // Key k/NN ends with the last revision ≡ NN (mod 50), deleted when that revision is a multiple of 10.
        var expected = Enumerable.Range(451, 50).Where(r => r % 10 != 0).ToDictionary(r => $"k/{r % 50:D2}", r => (long)r);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), state.Entries.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(state.Entries, e => Assert.Equal(expected[e.Key], e.ModRevision));
        Assert.All(state.Entries, e => Assert.Equal(e.ModRevision % 3 == 0 ? "s" : null, e.SessionId));
        var history = await reopened.ReadHistoryAsync("k/0", isPrefix: true, 1, 501, 1000, Cancel);
        Assert.Equal(Enumerable.Range(1, 500).Where(r => r % 50 < 10).Select(r => (long)r), history.Select(e => e.Revision));
        Assert.All(history, e => Assert.Equal(e.Revision % 10 == 0 ? KvEventType.Delete : KvEventType.Put, e.Type));
        var one = await reopened.ReadHistoryAsync("k/07", isPrefix: false, 100, 501, 3, Cancel);
        Assert.Equal([107L, 157, 207], one.Select(e => e.Revision));
        Assert.Equal([(byte)107], one[0].Entry!.Value);
    }

    [Fact]
    public async Task ASecondWriter_CannotCommitOnTopOfAnotherOnesRevision_AndTheLoserReloads()
    {
        var connectionString = await NewSchemaAsync();
        await using var first = Create(connectionString);
        await using var second = Create(connectionString);
        await first.LoadAsync(Cancel);
        await second.LoadAsync(Cancel);

        await second.AppendAsync(Put(1, "a", "second"));
        var lost = first.AppendAsync(Put(1, "a", "first"));
        var later = first.AppendAsync(Put(2, "b", "first"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => lost);
        await Assert.ThrowsAsync<InvalidOperationException>(() => later);
        await Assert.ThrowsAsync<InvalidOperationException>(() => first.AppendAsync(Put(3, "c", "first")));
        var reloaded = await first.LoadAsync(Cancel);
        Assert.Equal(1, reloaded.Revision);
        Assert.Equal([(byte)'s'], Assert.Single(reloaded.Entries).Value[..1]);
        await first.AppendAsync(Put(2, "b", "first"));
        Assert.Equal(2, (await second.LoadAsync(Cancel)).Revision);
    }

    [Fact]
    public async Task History_KeepsOnlyTheRetainedRevisions()
    {
        var connectionString = await NewSchemaAsync();
        await using var store = Create(connectionString, retention: 5);
        await store.LoadAsync(Cancel);
        for (var revision = 1L; revision <= 20; revision++)
        {
            await store.AppendAsync(Put(revision, "h", $"{revision}"));
        }

        var history = await store.ReadHistoryAsync("h", isPrefix: false, 1, 21, 100, Cancel);
        Assert.Equal([16L, 17, 18, 19, 20], history.Select(e => e.Revision));
    }

    [Fact]
    public void BadSettings_AreArgumentExceptions()
    {
        using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        Assert.Throws<ArgumentException>(() => new PostgreSqlKeyValueStore(dataSource, new PostgreSqlKeyValueStoreOptions { BatchSize = 0 }, NullLoggerFactory.Instance));
        Assert.Throws<ArgumentException>(() => new PostgreSqlKeyValueStore(dataSource, new PostgreSqlKeyValueStoreOptions { HistoryRetention = 0 }, NullLoggerFactory.Instance));
    }

    private static KvEvent Put(long revision, string key, string value) =>
        new(revision, KvEventType.Put, key, new KvEntry(key, System.Text.Encoding.UTF8.GetBytes(value), revision, revision, 1, null));

    private static PostgreSqlKeyValueStore Create(string connectionString, long retention = 100_000) =>
        new(NpgsqlDataSource.Create(connectionString), new PostgreSqlKeyValueStoreOptions { HistoryRetention = retention }, NullLoggerFactory.Instance, ownsDataSource: true);

    /// <summary>A connection string whose search path is a new empty schema (the store migrates it on first use).</summary>
    private async Task<string> NewSchemaAsync()
    {
        var schema = "kv_" + Guid.NewGuid().ToString("N")[..16];
        await using (var create = database.DataSource.CreateCommand($"CREATE SCHEMA {schema}"))
        {
            await create.ExecuteNonQueryAsync(Cancel);
        }

        return new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = schema }.ConnectionString;
    }
}
