using System.Diagnostics;
using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.Grains.Coordination.KeyValue;
using Actors.Grains.PostgreSql.Coordination;
using Actors.TestKit.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Actors.Coordination.KeyValue.Tests;

/// <summary>The store grain on the PostgreSQL store: concurrent puts share commits and survive a restart.</summary>
public sealed class PostgreSqlKeyValueGrainTests(PostgresDatabase database) : KeyValueClusterTestBase
{
    private PostgreSqlKeyValueStore _store = null!;
    private string _connectionString = null!;

    protected override async ValueTask<IKeyValueStore> CreateStoreAsync()
    {
        var schema = "kvg_" + Guid.NewGuid().ToString("N")[..16];
        await using (var create = database.DataSource.CreateCommand($"CREATE SCHEMA {schema}"))
        {
            await create.ExecuteNonQueryAsync(Cancel);
        }

        _connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = schema }.ConnectionString;
        _store = new PostgreSqlKeyValueStore(NpgsqlDataSource.Create(_connectionString), new PostgreSqlKeyValueStoreOptions(), NullLoggerFactory.Instance, ownsDataSource: true);
        return _store;
    }

    [Fact]
    public async Task ConcurrentPuts_ShareCommits_AndAreAllThereAfterARestartOnAFreshStore()
    {
        await PutAsync("warm", "up");
        var stopwatch = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => PutAsync($"load/{i:D4}", $"{i}")));
        stopwatch.Stop();

        Assert.Equal(Enumerable.Range(2, 2000).Select(i => (long)i), results.Select(r => r.Revision).Order());
        Assert.True(_store.BatchesExecuted < 500, $"2000 puts took {_store.BatchesExecuted} commits.");
        TestContext.Current.TestOutputHelper?.WriteLine($"2000 concurrent durable puts in {stopwatch.ElapsedMilliseconds} ms, {_store.BatchesExecuted} commits.");

        // A fresh store over the same database sees every acknowledged put.
        await using var fresh = new PostgreSqlKeyValueStore(NpgsqlDataSource.Create(_connectionString), new PostgreSqlKeyValueStoreOptions(), NullLoggerFactory.Instance, ownsDataSource: true);
        var state = await fresh.LoadAsync(Cancel);
        Assert.Equal(2001, state.Revision);
        Assert.Equal(2001, state.Entries.Count);

        await RestartAsync();
        var page = await Kv.RangeAsync("load/", "load/1998", 10);
        Assert.Equal(["load/1999"], page.Entries.Select(e => e.Key));
        var watch = await Kv.WatchAsync(new KvWatchRequest("load/", true, 1, TimeSpan.Zero, 1000));
        Assert.Equal(Enumerable.Range(2, 1000).Select(i => (long)i), watch.Events.Select(e => e.Revision));
        Assert.Equal(1002, watch.NextRevision);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _store.DisposeAsync();
    }
}
