using Actors.Runtime.Reminders;
using Actors.TestKit.Contracts;
using Actors.TestKit.Postgres;
using Npgsql;

namespace Actors.Runtime.PostgreSql.Tests;

/// <summary>
/// What one silo wrote, a silo started later reads: each side gets its own data source (its own pool), so the
/// only thing they share is the database.
/// </summary>
public sealed class PostgreSqlDurabilityTests(PostgresDatabase database)
{
    private readonly PostgresDatabase _database = database;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadStateAsync_ThroughNewDataSource_ReturnsStateWrittenBeforeAndAcceptsItsEtag()
    {
        var clusterId = PostgresDatabase.NewClusterId();
        var grainId = new GrainId(new GrainType("durable"), "one");
        await using (var before = NpgsqlDataSource.Create(_database.ConnectionString))
        {
            var storage = new PostgreSqlGrainStorage(before, TestSerializer.Instance, clusterId);
            var state = new TestGrainState<ContractState> { State = ContractState.Sample("first") };
            await storage.WriteStateAsync("profile", grainId, state, Token);
            state.State = ContractState.Sample("second", 2);
            await storage.WriteStateAsync("profile", grainId, state, Token);
        }

        await using var after = NpgsqlDataSource.Create(_database.ConnectionString);
        var restarted = new PostgreSqlGrainStorage(after, TestSerializer.Instance, clusterId);
        var read = new TestGrainState<ContractState>();
        await restarted.ReadStateAsync("profile", grainId, read, Token);
        read.State.Count++;
        await restarted.WriteStateAsync("profile", grainId, read, Token);

        var expected = ContractState.Sample("second", 2);
        expected.Count = 3;
        Assert.True(read.RecordExists);
        Assert.Equal("3", read.ETag);
        Assert.Equal(expected.Describe(), read.State.Describe());
    }

    [Fact]
    public async Task ReadRangeAsync_ThroughNewDataSource_ReturnsRemindersUpsertedBefore()
    {
        var clusterId = PostgresDatabase.NewClusterId();
        var entry = new ReminderEntry(new GrainId(new GrainType("durable"), "one"), "tick",
            new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(30));
        string etag;
        await using (var before = NpgsqlDataSource.Create(_database.ConnectionString))
        {
            etag = await new PostgreSqlReminderTable(before, clusterId).UpsertAsync(entry, Token);
        }

        await using var after = NpgsqlDataSource.Create(_database.ConnectionString);
        var read = await new PostgreSqlReminderTable(after, clusterId).ReadRangeAsync(RingRange.Full, Token);

        Assert.Equal([entry with { ETag = etag }], read);
    }
}
