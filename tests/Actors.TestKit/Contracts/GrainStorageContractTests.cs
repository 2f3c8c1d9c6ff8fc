using Actors.Persistence;
using Xunit;

namespace Actors.TestKit.Contracts;

/// <summary>
/// The behaviour every <see cref="IGrainStorage"/> must have, run against each provider (in-memory, PostgreSQL) by
/// deriving once per provider, so the providers cannot drift apart. ETags: null when nothing is stored, "1" after
/// the first write, +1 per write; writes and clears succeed only at the ETag the caller holds.
/// </summary>
/// <remarks>Every test works in a fresh cluster id, so tests sharing one store never see each other's records.</remarks>
public abstract class GrainStorageContractTests
{
    private const string StateName = "profile";

    /// <summary>
    /// Creates the storage under test for cluster <paramref name="clusterId"/>. Storages created with the same cluster
    /// id share their records (as the silos of one cluster share a database); different cluster ids share nothing.
    /// </summary>
    protected abstract IGrainStorage CreateStorage(string clusterId);

    /// <summary>A cluster id no other test uses.</summary>
    protected virtual string NewClusterId() => "contract-" + Guid.NewGuid().ToString("N")[..16];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadStateAsync_NothingStored_ReturnsNewStateWithoutEtag()
    {
        var storage = CreateStorage(NewClusterId());
        var held = new TestGrainState<ContractState> { State = ContractState.Sample("left over"), ETag = "7", RecordExists = true };

        await storage.ReadStateAsync(StateName, NewGrainId(), held, Token);

        ContractAssert.Equal(new ContractState().Describe(), ContractAssert.NotNull(held.State, "state").Describe(), "state read when nothing is stored");
        ContractAssert.Equal(null, held.ETag, "ETag when nothing is stored");
        ContractAssert.Equal(false, held.RecordExists, "RecordExists when nothing is stored");
    }

    [Fact]
    public async Task WriteStateAsync_ThenReadStateAsync_RoundTripsStateAndEtag()
    {
        var storage = CreateStorage(NewClusterId());
        var grainId = NewGrainId();
        var written = new TestGrainState<ContractState> { State = ContractState.Sample("round trip") };

        await storage.WriteStateAsync(StateName, grainId, written, Token);
        var read = await ReadAsync(storage, grainId);

        ContractAssert.Equal("1", written.ETag, "ETag after the first write");
        ContractAssert.Equal(true, written.RecordExists, "RecordExists after a write");
        ContractAssert.Equal(ContractState.Sample("round trip").Describe(), read.State.Describe(), "state read back");
        ContractAssert.Equal("1", read.ETag, "ETag read back");
        ContractAssert.Equal(true, read.RecordExists, "RecordExists read back");
    }

    [Fact]
    public async Task WriteStateAsync_Repeatedly_IncrementsEtagAndKeepsLastState()
    {
        var storage = CreateStorage(NewClusterId());
        var grainId = NewGrainId();
        var state = new TestGrainState<ContractState>();
        var etags = new List<string?>();

        for (var i = 1; i <= 3; i++)
        {
            state.State = ContractState.Sample("write " + i, i);
            await storage.WriteStateAsync(StateName, grainId, state, Token);
            etags.Add(state.ETag);
        }

        var read = await ReadAsync(storage, grainId);
        ContractAssert.SequenceEqual(["1", "2", "3"], etags, "ETags of successive writes");
        ContractAssert.Equal(ContractState.Sample("write 3", 3).Describe(), read.State.Describe(), "state after three writes");
        ContractAssert.Equal("3", read.ETag, "ETag read after three writes");
    }

    [Fact]
    public async Task WriteStateAsync_WithStaleEtag_ThrowsAndChangesNothing()
    {
        var storage = CreateStorage(NewClusterId());
        var grainId = NewGrainId();
        await WriteNewAsync(storage, grainId, ContractState.Sample("first"));
        var winner = await ReadAsync(storage, grainId);
        var stale = await ReadAsync(storage, grainId);
        winner.State = ContractState.Sample("winner");
        await storage.WriteStateAsync(StateName, grainId, winner, Token);

        stale.State = ContractState.Sample("stale");
        var ex = await ContractAssert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, stale, Token), "write with a stale ETag");

        ContractAssert.Equal("2", ex.StoredEtag, "StoredEtag of the refusal");
        ContractAssert.Equal("1", ex.CurrentEtag, "CurrentEtag (the one the writer held) of the refusal");
        ContractAssert.Equal("1", stale.ETag, "ETag the refused writer still holds");
        var read = await ReadAsync(storage, grainId);
        ContractAssert.Equal(ContractState.Sample("winner").Describe(), read.State.Describe(), "state after the refused write");
        ContractAssert.Equal("2", read.ETag, "ETag after the refused write");
    }

    [Fact]
    public async Task WriteStateAsync_WithEtagAfterRecordWasCleared_ThrowsAndStoresNothing()
    {
        var storage = CreateStorage(NewClusterId());
        var grainId = NewGrainId();
        await WriteNewAsync(storage, grainId, ContractState.Sample("first"));
        var zombie = await ReadAsync(storage, grainId);
        var owner = await ReadAsync(storage, grainId);
        await storage.ClearStateAsync(StateName, grainId, owner, Token);

        zombie.State = ContractState.Sample("zombie");
        await ContractAssert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, zombie, Token), "write with an ETag after the record was cleared");

        var read = await ReadAsync(storage, grainId);
        ContractAssert.Equal(false, read.RecordExists, "RecordExists after the refused write");
        ContractAssert.Equal(null, read.ETag, "ETag after the refused write");
    }

    [Fact]
    public async Task WriteStateAsync_WithEtagFromBeforeAClearAndRewrite_ThrowsAndChangesNothing()
    {
        // A zombie activation holds the ETag of the first record; its owner clears and writes anew. ETags must
        // never be reused, or the zombie's ETag would match the new record and its write would win.
        var storage = CreateStorage(NewClusterId());
        var grainId = NewGrainId();
        await WriteNewAsync(storage, grainId, ContractState.Sample("first"));
        var zombie = await ReadAsync(storage, grainId);
        var owner = await ReadAsync(storage, grainId);
        await storage.ClearStateAsync(StateName, grainId, owner, Token);
        owner.State = ContractState.Sample("rewritten");
        await storage.WriteStateAsync(StateName, grainId, owner, Token);

        zombie.State = ContractState.Sample("zombie");
        await ContractAssert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, zombie, Token), "write with an ETag from before a clear and a rewrite");

        var read = await ReadAsync(storage, grainId);
        ContractAssert.Equal(ContractState.Sample("rewritten").Describe(), read.State.Describe(), "state after the refused write");
        ContractAssert.Equal(owner.ETag, read.ETag, "ETag after the refused write");
        ContractAssert.True(owner.ETag != "1", "the rewrite after a clear gets an ETag never issued before");
    }

    [Fact]
    public async Task WriteStateAsync_WithoutEtagWhenRecordExists_ThrowsAndChangesNothing()
    {
        var storage = CreateStorage(NewClusterId());
        var grainId = NewGrainId();
        await WriteNewAsync(storage, grainId, ContractState.Sample("first"));

        var blind = new TestGrainState<ContractState> { State = ContractState.Sample("blind") };
        var ex = await ContractAssert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, blind, Token), "write without an ETag over an existing record");

        ContractAssert.Equal("1", ex.StoredEtag, "StoredEtag of the refusal");
        ContractAssert.Equal(null, ex.CurrentEtag, "CurrentEtag (none held) of the refusal");
        ContractAssert.Equal(null, blind.ETag, "ETag the refused writer still holds");
        var read = await ReadAsync(storage, grainId);
        ContractAssert.Equal(ContractState.Sample("first").Describe(), read.State.Describe(), "state after the refused write");
        ContractAssert.Equal("1", read.ETag, "ETag after the refused write");
    }

    [Fact]
    public async Task WriteStateAsync_ConcurrentInsertsWithoutEtag_ExactlyOneWins()
    {
        const int Writers = 8;
        var clusterId = NewClusterId();
        var grainId = NewGrainId();

        // One storage per writer, as if each ran on its own silo.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(
            () => TryWriteAsync(CreateStorage(clusterId), grainId, new TestGrainState<ContractState> { State = ContractState.Sample("writer " + i, i) }),
            Token)));

        var winners = outcomes.Select((won, i) => (won, i)).Where(o => o.won).Select(o => o.i).ToList();
        ContractAssert.Equal(1, winners.Count, $"writers that won the insert race (of {Writers}: {string.Join(", ", winners)})");
        var read = await ReadAsync(CreateStorage(clusterId), grainId);
        ContractAssert.Equal(ContractState.Sample("writer " + winners[0], winners[0]).Describe(), read.State.Describe(), "stored state is the winner's");
        ContractAssert.Equal("1", read.ETag, "ETag after the insert race");
    }

    [Fact]
    public async Task WriteStateAsync_ConcurrentUpdatesWithSameEtag_ExactlyOneWins()
    {
        const int Writers = 8;
        var clusterId = NewClusterId();
        var grainId = NewGrainId();
        await WriteNewAsync(CreateStorage(clusterId), grainId, ContractState.Sample("first"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(
            () => TryWriteAsync(CreateStorage(clusterId), grainId, new TestGrainState<ContractState> { State = ContractState.Sample("writer " + i, i), ETag = "1", RecordExists = true }),
            Token)));

        var winners = outcomes.Select((won, i) => (won, i)).Where(o => o.won).Select(o => o.i).ToList();
        ContractAssert.Equal(1, winners.Count, $"writers holding ETag 1 that won (of {Writers}: {string.Join(", ", winners)})");
        var read = await ReadAsync(CreateStorage(clusterId), grainId);
        ContractAssert.Equal(ContractState.Sample("writer " + winners[0], winners[0]).Describe(), read.State.Describe(), "stored state is the winner's");
        ContractAssert.Equal("2", read.ETag, "ETag after the update race");
    }

    [Fact]
    public async Task ClearStateAsync_WithCurrentEtag_RemovesRecord()
    {
        var storage = CreateStorage(NewClusterId());
        var grainId = NewGrainId();
        var state = await WriteNewAsync(storage, grainId, ContractState.Sample("doomed"));

        await storage.ClearStateAsync(StateName, grainId, state, Token);

        ContractAssert.Equal(null, state.ETag, "ETag after a clear");
        ContractAssert.Equal(false, state.RecordExists, "RecordExists after a clear");
        var read = await ReadAsync(storage, grainId);
        ContractAssert.Equal(false, read.RecordExists, "RecordExists read after a clear");
        ContractAssert.Equal(null, read.ETag, "ETag read after a clear");
        ContractAssert.Equal(new ContractState().Describe(), read.State.Describe(), "state read after a clear");
    }

    [Fact]
    public async Task ClearStateAsync_WithStaleEtag_ThrowsAndChangesNothing()
    {
        var storage = CreateStorage(NewClusterId());
        var grainId = NewGrainId();
        await WriteNewAsync(storage, grainId, ContractState.Sample("first"));
        var stale = await ReadAsync(storage, grainId);
        var winner = await ReadAsync(storage, grainId);
        winner.State = ContractState.Sample("winner");
        await storage.WriteStateAsync(StateName, grainId, winner, Token);

        var ex = await ContractAssert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearStateAsync(StateName, grainId, stale, Token), "clear with a stale ETag");

        ContractAssert.Equal("2", ex.StoredEtag, "StoredEtag of the refusal");
        ContractAssert.Equal("1", ex.CurrentEtag, "CurrentEtag (the one the clearer held) of the refusal");
        ContractAssert.Equal("1", stale.ETag, "ETag the refused clearer still holds");
        ContractAssert.Equal(true, stale.RecordExists, "RecordExists of the refused clearer");
        var read = await ReadAsync(storage, grainId);
        ContractAssert.Equal(ContractState.Sample("winner").Describe(), read.State.Describe(), "state after the refused clear");
        ContractAssert.Equal("2", read.ETag, "ETag after the refused clear");
    }

    [Fact]
    public async Task ClearStateAsync_WithoutEtagWhenNothingStored_Succeeds()
    {
        var storage = CreateStorage(NewClusterId());
        var grainId = NewGrainId();
        var state = new TestGrainState<ContractState> { State = ContractState.Sample("never stored") };

        await storage.ClearStateAsync(StateName, grainId, state, Token);

        ContractAssert.Equal(null, state.ETag, "ETag after clearing nothing");
        ContractAssert.Equal(false, state.RecordExists, "RecordExists after clearing nothing");
        ContractAssert.Equal(false, (await ReadAsync(storage, grainId)).RecordExists, "RecordExists read after clearing nothing");
    }

    [Fact]
    public async Task ClearStateAsync_WithoutEtagWhenRecordExists_ThrowsAndChangesNothing()
    {
        var storage = CreateStorage(NewClusterId());
        var grainId = NewGrainId();
        await WriteNewAsync(storage, grainId, ContractState.Sample("kept"));

        var ex = await ContractAssert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearStateAsync(StateName, grainId, new TestGrainState<ContractState>(), Token), "clear without an ETag over an existing record");

        ContractAssert.Equal("1", ex.StoredEtag, "StoredEtag of the refusal");
        var read = await ReadAsync(storage, grainId);
        ContractAssert.Equal(ContractState.Sample("kept").Describe(), read.State.Describe(), "state after the refused clear");
        ContractAssert.Equal("1", read.ETag, "ETag after the refused clear");
    }

    [Fact]
    public async Task ClearStateAsync_ThenWriteStateAsync_StoresNewRecord()
    {
        var storage = CreateStorage(NewClusterId());
        var grainId = NewGrainId();
        var state = await WriteNewAsync(storage, grainId, ContractState.Sample("before"));
        await storage.ClearStateAsync(StateName, grainId, state, Token);

        state.State = ContractState.Sample("after");
        await storage.WriteStateAsync(StateName, grainId, state, Token);

        ContractAssert.True(state.ETag is not null, "a write after a clear sets an ETag");
        var read = await ReadAsync(storage, grainId);
        ContractAssert.Equal(ContractState.Sample("after").Describe(), read.State.Describe(), "state written after a clear");
        ContractAssert.Equal(state.ETag, read.ETag, "ETag read back after clear and write");
        ContractAssert.Equal(true, read.RecordExists, "RecordExists after clear and write");
    }

    [Fact]
    public async Task WriteStateAsync_InOneCluster_IsInvisibleToAnother()
    {
        var clusterA = CreateStorage(NewClusterId());
        var clusterB = CreateStorage(NewClusterId());
        var grainId = NewGrainId();
        await WriteNewAsync(clusterA, grainId, ContractState.Sample("A"));

        var seenByB = await ReadAsync(clusterB, grainId);
        var writtenByB = await WriteNewAsync(clusterB, grainId, ContractState.Sample("B"));

        ContractAssert.Equal(false, seenByB.RecordExists, "cluster B sees cluster A's record");
        ContractAssert.Equal("1", writtenByB.ETag, "ETag of cluster B's first write (its own record)");
        var readA = await ReadAsync(clusterA, grainId);
        ContractAssert.Equal(ContractState.Sample("A").Describe(), readA.State.Describe(), "cluster A's state after cluster B wrote");
        ContractAssert.Equal("1", readA.ETag, "cluster A's ETag after cluster B wrote");
    }

    [Fact]
    public async Task WriteStateAsync_UnderOneStateName_IsIndependentOfAnother()
    {
        var storage = CreateStorage(NewClusterId());
        var grainId = NewGrainId();
        await WriteNewAsync(storage, grainId, ContractState.Sample("profile"));

        var other = new TestGrainState<ContractState> { State = ContractState.Sample("settings") };
        await storage.WriteStateAsync("settings", grainId, other, Token);
        await storage.ClearStateAsync("settings", grainId, other, Token);

        ContractAssert.Equal("1", (await ReadAsync(storage, grainId)).ETag, "ETag of state 'profile' after 'settings' was written and cleared");
        ContractAssert.Equal(ContractState.Sample("profile").Describe(), (await ReadAsync(storage, grainId)).State.Describe(), "state 'profile'");
    }

    [Fact]
    public async Task WriteStateAsync_ForOneGrainType_IsIndependentOfAnotherWithSameKey()
    {
        var storage = CreateStorage(NewClusterId());
        var key = Guid.NewGuid().ToString("N");
        var first = new GrainId(new GrainType("contract-a"), key);
        var second = new GrainId(new GrainType("contract-b"), key);
        await WriteNewAsync(storage, first, ContractState.Sample("a"));

        var seen = await ReadAsync(storage, second);

        ContractAssert.Equal(false, seen.RecordExists, $"{second} sees the record of {first}");
    }

    [Fact]
    public async Task ReadStateAsync_ThroughAnotherStorageOfSameCluster_SeesWrite()
    {
        var clusterId = NewClusterId();
        var grainId = NewGrainId();
        await WriteNewAsync(CreateStorage(clusterId), grainId, ContractState.Sample("shared"));

        var read = await ReadAsync(CreateStorage(clusterId), grainId);

        ContractAssert.Equal(ContractState.Sample("shared").Describe(), read.State.Describe(), "state read through a second storage instance");
        ContractAssert.Equal("1", read.ETag, "ETag read through a second storage instance");
    }

    private static GrainId NewGrainId() => new(new GrainType("contract"), Guid.NewGuid().ToString("N"));

    private static async Task<TestGrainState<ContractState>> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new TestGrainState<ContractState>();
        await storage.ReadStateAsync(StateName, grainId, state, Token);
        return state;
    }

    private static async Task<TestGrainState<ContractState>> WriteNewAsync(IGrainStorage storage, GrainId grainId, ContractState value)
    {
        var state = new TestGrainState<ContractState> { State = value };
        await storage.WriteStateAsync(StateName, grainId, state, Token);
        ContractAssert.Equal("1", state.ETag, "ETag of a first write");
        return state;
    }

    private static async Task<bool> TryWriteAsync(IGrainStorage storage, GrainId grainId, TestGrainState<ContractState> state)
    {
        try
        {
            await storage.WriteStateAsync(StateName, grainId, state, Token);
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }
}
