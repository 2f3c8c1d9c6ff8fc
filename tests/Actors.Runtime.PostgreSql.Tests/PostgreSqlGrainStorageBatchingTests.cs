using Actors.Persistence;
using Actors.TestKit;
using Actors.TestKit.Contracts;
using Actors.TestKit.Postgres;
using Npgsql;

namespace Actors.Runtime.PostgreSql.Tests;

/// <summary>
/// Group commit in <see cref="PostgreSqlGrainStorage"/>: concurrent writes of different records share one statement,
/// and each keeps the outcome it would have had alone. To put chosen writes into one statement, a test holds a row
/// lock so that one write's statement waits in the database; whatever is queued meanwhile runs together next.
/// </summary>
public sealed class PostgreSqlGrainStorageBatchingTests(PostgresDatabase database)
{
    private const string StateName = "lock";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly PostgresDatabase _database = database;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteStateAsync_ManyGrainsConcurrently_AllLandWithTheirVersionsInFewerStatementsThanWrites()
    {
        const int Grains = 64;
        const int WritesEach = 3;
        var storage = CreateStorage(PostgresDatabase.NewClusterId());
        var grains = Enumerable.Range(0, Grains).Select(_ => NewGrainId()).ToArray();

        var etags = await Task.WhenAll(grains.Select((grain, g) => Task.Run(async () =>
        {
            var state = new TestGrainState<ContractState>();
            var seen = new List<string?>();
            for (var w = 1; w <= WritesEach; w++)
            {
                state.State = ContractState.Sample($"grain {g} write {w}", w);
                await storage.WriteStateAsync(StateName, grain, state, Token);
                seen.Add(state.ETag);
            }

            return seen;
        }, Token))).WaitAsync(Deadline, Token);

        Assert.All(etags, seen => Assert.Equal(["1", "2", "3"], seen));
        for (var g = 0; g < Grains; g++)
        {
            var read = await ReadAsync(storage, grains[g]);
            Assert.Equal(ContractState.Sample($"grain {g} write {WritesEach}", WritesEach).Describe(), read.State.Describe());
            Assert.Equal("3", read.ETag);
        }

        Assert.InRange(storage.WriteStatements, 1, (Grains * WritesEach) - 1);
    }

    [Fact]
    public async Task WriteStateAsync_OneStatementOfMixedWrites_EachGetsTheOutcomeItWouldHaveAlone()
    {
        var storage = CreateStorage(PostgresDatabase.NewClusterId());
        var (fresh, updated, stale, tombstone, blind) = (NewGrainId(), NewGrainId(), NewGrainId(), NewGrainId(), NewGrainId());
        var updatedState = await WriteNewAsync(storage, updated, "updated v1");
        var staleState = await ReadAfterAnotherWriteAsync(storage, stale);
        var cleared = await WriteNewAsync(storage, tombstone, "cleared");
        await storage.ClearStateAsync(StateName, tombstone, cleared, Token);
        await WriteNewAsync(storage, blind, "live");

        var freshState = new TestGrainState<ContractState> { State = ContractState.Sample("fresh") };
        var tombstoneState = new TestGrainState<ContractState> { State = ContractState.Sample("after tombstone") };
        var blindState = new TestGrainState<ContractState> { State = ContractState.Sample("blind") };
        updatedState.State = ContractState.Sample("updated v2");
        staleState.State = ContractState.Sample("stale");

        var statements = await InOneStatementAsync(storage, () =>
        [
            storage.WriteStateAsync(StateName, fresh, freshState, Token),
            storage.WriteStateAsync(StateName, updated, updatedState, Token),
            storage.WriteStateAsync(StateName, stale, staleState, Token),
            storage.WriteStateAsync(StateName, tombstone, tombstoneState, Token),
            storage.WriteStateAsync(StateName, blind, blindState, Token),
        ]);

        Assert.Equal(1, statements.Shared);
        await statements.Writes[0];
        await statements.Writes[1];
        await statements.Writes[3];
        var staleRefusal = await Assert.ThrowsAsync<InconsistentStateException>(() => statements.Writes[2]);
        var blindRefusal = await Assert.ThrowsAsync<InconsistentStateException>(() => statements.Writes[4]);

        Assert.Equal("1", freshState.ETag);
        Assert.Equal("2", updatedState.ETag);
        Assert.Equal("3", tombstoneState.ETag);
        Assert.Equal(("2", "1"), (staleRefusal.StoredEtag, staleRefusal.CurrentEtag));
        Assert.Equal("1", staleState.ETag);
        Assert.Equal(("1", (string?)null), (blindRefusal.StoredEtag, blindRefusal.CurrentEtag));
        Assert.Null(blindState.ETag);
        Assert.Contains("is at version 2 but the writer holds 1", staleRefusal.Message, StringComparison.Ordinal);
        Assert.Equal("fresh|1", Prefix((await ReadAsync(storage, fresh)).State));
        Assert.Equal("updated v2|1", Prefix((await ReadAsync(storage, updated)).State));
        Assert.Equal("winner|1", Prefix((await ReadAsync(storage, stale)).State));
        Assert.Equal("after tombstone|1", Prefix((await ReadAsync(storage, tombstone)).State));
        Assert.Equal("live|1", Prefix((await ReadAsync(storage, blind)).State));
    }

    [Fact]
    public async Task WriteStateAsync_TwoFirstWritesOfOneGrainQueuedTogether_RunInSuccessiveStatementsAndExactlyOneWins()
    {
        var storage = CreateStorage(PostgresDatabase.NewClusterId());
        var grain = NewGrainId();
        var first = new TestGrainState<ContractState> { State = ContractState.Sample("first") };
        var second = new TestGrainState<ContractState> { State = ContractState.Sample("second") };

        var statements = await InOneStatementAsync(storage, () =>
        [
            storage.WriteStateAsync(StateName, grain, first, Token),
            storage.WriteStateAsync(StateName, grain, second, Token),
        ]);

        await statements.Writes[0];
        var refusal = await Assert.ThrowsAsync<InconsistentStateException>(() => statements.Writes[1]);
        Assert.Equal(2, statements.Shared);
        Assert.Equal("1", first.ETag);
        Assert.Equal(("1", (string?)null), (refusal.StoredEtag, refusal.CurrentEtag));
        var read = await ReadAsync(storage, grain);
        Assert.Equal("first|1", Prefix(read.State));
        Assert.Equal("1", read.ETag);
    }

    [Fact]
    public async Task WriteStateAsync_ConcurrentFirstWritesOfOneGrainOnTwoStorages_ExactlyOneWins()
    {
        var clusterId = PostgresDatabase.NewClusterId();
        for (var round = 0; round < 10; round++)
        {
            var grain = NewGrainId();
            var storages = new[] { CreateStorage(clusterId), CreateStorage(clusterId) };

            // Each storage also carries writes of other grains, so the racing rows sit inside multi-row statements.
            var racers = storages.Select((storage, s) => Task.Run(async () =>
            {
                var others = Enumerable.Range(0, 8).Select(_ => storage.WriteStateAsync(
                    StateName, NewGrainId(), new TestGrainState<ContractState> { State = ContractState.Sample("other") }, Token)).ToList();
                var won = await TryWriteAsync(storage, grain, ContractState.Sample("writer " + s, s));
                await Task.WhenAll(others);
                return won;
            }, Token)).ToArray();

            var outcomes = await Task.WhenAll(racers).WaitAsync(Deadline, Token);

            var winner = Assert.Single(Enumerable.Range(0, outcomes.Length), i => outcomes[i]);
            var read = await ReadAsync(storages[0], grain);
            Assert.Equal($"writer {winner}|{winner}", Prefix(read.State));
            Assert.Equal("1", read.ETag);
        }
    }

    [Fact]
    public async Task WriteStateAsync_PayloadTheDatabaseRefusesInAStatement_FailsOnlyItsOwnCaller()
    {
        var storage = CreateStorage(PostgresDatabase.NewClusterId());
        var (good, bad) = (NewGrainId(), NewGrainId());
        var goodState = new TestGrainState<ContractState> { State = ContractState.Sample("good") };

        // jsonb cannot hold U+0000: the statement fails, and its writers run alone.
        var badState = new TestGrainState<ContractState> { State = ContractState.Sample("nul \0 inside") };

        var statements = await InOneStatementAsync(storage, () =>
        [
            storage.WriteStateAsync(StateName, good, goodState, Token),
            storage.WriteStateAsync(StateName, bad, badState, Token),
        ]);

        await statements.Writes[0];
        var error = await Assert.ThrowsAsync<PostgresException>(() => statements.Writes[1]);
        Assert.Equal("22P05", error.SqlState);
        Assert.Equal("1", goodState.ETag);
        Assert.Null(badState.ETag);
        Assert.Equal("good|1", Prefix((await ReadAsync(storage, good)).State));
        Assert.False((await ReadAsync(storage, bad)).RecordExists);
    }

    [Fact]
    public async Task WriteStateAsync_CallerCancelsWhileQueued_StopsWaitingWithCancellation()
    {
        var storage = CreateStorage(PostgresDatabase.NewClusterId());
        using var cancellation = new CancellationTokenSource();
        var state = new TestGrainState<ContractState> { State = ContractState.Sample("cancelled") };

        var statements = await InOneStatementAsync(storage, () =>
        {
            var write = storage.WriteStateAsync(StateName, NewGrainId(), state, cancellation.Token);
            cancellation.Cancel();
            return [write];
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => statements.Writes[0]);
        Assert.Null(state.ETag);
    }

    // Holds a row lock so that a write's statement waits in the database, queues the writes `start` makes, then
    // releases the lock: the queued writes share the statements that follow. Answers how many statements they used.
    private async Task<(Task[] Writes, long Shared)> InOneStatementAsync(PostgreSqlGrainStorage storage, Func<Task[]> start)
    {
        var blocker = NewGrainId();
        var blockerState = await WriteNewAsync(storage, blocker, "blocker");
        await using var connection = await _database.DataSource.OpenConnectionAsync(Token);
        await using var transaction = await connection.BeginTransactionAsync(Token);
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM actors_grain_state WHERE grain_type = $1 AND grain_key = $2 FOR UPDATE", connection, transaction))
        {
            lockRow.Parameters.Add(new NpgsqlParameter<string> { TypedValue = blocker.Type.Value });
            lockRow.Parameters.Add(new NpgsqlParameter<string> { TypedValue = blocker.Key });
            Assert.Equal(1, await lockRow.ExecuteScalarAsync(Token) as int?);
        }

        var before = storage.WriteStatements;
        blockerState.State = ContractState.Sample("blocker v2");
        var blocked = storage.WriteStateAsync(StateName, blocker, blockerState, Token);
        await Poll.UntilAsync(() => storage.WriteStatements == before + 1, Deadline, "the blocked write's statement to start", Token);

        var writes = start();
        Assert.False(blocked.IsCompleted, "the blocked write finished while its row was locked");
        await transaction.CommitAsync(Token);
        await blocked.WaitAsync(Deadline, Token);
        Assert.Equal("2", blockerState.ETag);

        await Task.WhenAll(writes.Select(w => w.ContinueWith(static _ => { }, TaskScheduler.Default))).WaitAsync(Deadline, Token);
        return (writes, storage.WriteStatements - before - 1);
    }

    private PostgreSqlGrainStorage CreateStorage(string clusterId) => new(_database.DataSource, TestSerializer.Instance, clusterId);

    private static GrainId NewGrainId() => new(new GrainType("batching"), Guid.NewGuid().ToString("N"));

    private static string Prefix(ContractState state) => $"{state.Name}|{state.Count}";

    private static async Task<TestGrainState<ContractState>> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new TestGrainState<ContractState>();
        await storage.ReadStateAsync(StateName, grainId, state, Token);
        return state;
    }

    private static async Task<TestGrainState<ContractState>> WriteNewAsync(IGrainStorage storage, GrainId grainId, string name)
    {
        var state = new TestGrainState<ContractState> { State = ContractState.Sample(name) };
        await storage.WriteStateAsync(StateName, grainId, state, Token);
        Assert.Equal("1", state.ETag);
        return state;
    }

    // A state holding ETag 1 while the record is at 2 (another writer, the "winner", wrote in between).
    private static async Task<TestGrainState<ContractState>> ReadAfterAnotherWriteAsync(IGrainStorage storage, GrainId grainId)
    {
        await WriteNewAsync(storage, grainId, "first");
        var stale = await ReadAsync(storage, grainId);
        var winner = await ReadAsync(storage, grainId);
        winner.State = ContractState.Sample("winner");
        await storage.WriteStateAsync(StateName, grainId, winner, Token);
        return stale;
    }

    private static async Task<bool> TryWriteAsync(IGrainStorage storage, GrainId grainId, ContractState value)
    {
        try
        {
            await storage.WriteStateAsync(StateName, grainId, new TestGrainState<ContractState> { State = value }, Token);
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }
}
