using System.Globalization;
using System.Net;
using Actors.Runtime.Membership;
using Xunit;

namespace Actors.TestKit.Contracts;

/// <summary>
/// The behaviour every <see cref="IMembershipTable"/> must have, run against each provider (in-memory, PostgreSQL) by
/// deriving once per provider, so the providers cannot drift apart. Inserts and updates are compare-and-set on the
/// table version (and the row's ETag): they succeed only at the version the writer read, increment it by exactly
/// one, and a refused write changes nothing. Heartbeats change neither the version nor the ETag.
/// </summary>
/// <remarks>Every test works in a fresh cluster id, so tests sharing one store never see each other's rows.</remarks>
public abstract class MembershipTableContractTests
{
    private const int Writers = 20;

    // Whole milliseconds, with an offset: what a durable table must keep is the instant.
    private static readonly DateTimeOffset StartTime = new(2026, 11, 22, 10, 30, 15, 123, TimeSpan.FromHours(2));

    /// <summary>
    /// Creates the table under test for cluster <paramref name="clusterId"/>. Tables created with the same cluster id
    /// share their rows (as the silos of one cluster share a database); different cluster ids share nothing.
    /// </summary>
    protected abstract IMembershipTable CreateTable(string clusterId);

    /// <summary>A cluster id no other test uses.</summary>
    protected virtual string NewClusterId() => "contract-" + Guid.NewGuid().ToString("N")[..16];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAllAsync_FreshTable_IsEmptyAtVersionZero()
    {
        var table = CreateTable(NewClusterId());

        var beforeInitialize = await table.ReadAllAsync(Token);
        await table.InitializeAsync(Token);
        var afterInitialize = await table.ReadAllAsync(Token);

        ContractAssert.Equal(0L, beforeInitialize.Version, "version of a table never initialized");
        ContractAssert.Equal(0, beforeInitialize.Rows.Count, "rows of a table never initialized");
        ContractAssert.Equal(0L, afterInitialize.Version, "version of a fresh initialized table");
        ContractAssert.Equal(0, afterInitialize.Rows.Count, "rows of a fresh initialized table");
    }

    [Fact]
    public async Task InsertRowAsync_TableNeverInitialized_SucceedsAtVersionZero()
    {
        var table = CreateTable(NewClusterId());

        var stale = await table.InsertRowAsync(Entry(1), 1, Token);
        var inserted = await table.InsertRowAsync(Entry(1), 0, Token);
        var read = await table.ReadAllAsync(Token);

        ContractAssert.Equal(false, stale, "insert at version 1 into a table never initialized");
        ContractAssert.Equal(true, inserted, "insert at version 0 into a table never initialized");
        ContractAssert.Equal(1L, read.Version, "version after the insert");
        ContractAssert.SequenceEqual([Describe(Entry(1))], DescribeRows(read), "rows after the insert");
    }

    [Fact]
    public async Task InitializeAsync_AgainAfterWrites_KeepsVersionAndRows()
    {
        var clusterId = NewClusterId();
        var table = await CreateInitializedTableAsync(clusterId);
        await InsertAsync(table, Entry(1), 0);
        await InsertAsync(table, Entry(2), 1);

        // A silo starting later initializes the same table again.
        await CreateTable(clusterId).InitializeAsync(Token);
        var read = await table.ReadAllAsync(Token);

        ContractAssert.Equal(2L, read.Version, "version after a second InitializeAsync");
        ContractAssert.SequenceEqual([Describe(Entry(1)), Describe(Entry(2))], DescribeRows(read), "rows after a second InitializeAsync");
    }

    [Fact]
    public async Task InitializeAsync_ManySilosAtOnce_AllSucceedAndLeaveAFreshTable()
    {
        var clusterId = NewClusterId();

        await RaceAsync(Writers, async _ =>
        {
            await CreateTable(clusterId).InitializeAsync(Token);
            return true;
        });
        var read = await CreateTable(clusterId).ReadAllAsync(Token);

        ContractAssert.Equal(0L, read.Version, $"version after {Writers} concurrent InitializeAsync calls");
        ContractAssert.Equal(0, read.Rows.Count, $"rows after {Writers} concurrent InitializeAsync calls");
    }

    [Fact]
    public async Task InsertRowAsync_ThenReadAllAsync_RoundTripsEveryField()
    {
        var table = await CreateInitializedTableAsync(NewClusterId());
        var entry = Entry(1) with
        {
            HostName = "host-ü.example",
            NodeName = "节点-α \"quoted\" \\ 🚀",
            GatewayPort = 30123,
            Status = SiloStatus.Active,
            IAmAliveTime = StartTime.AddMinutes(3).AddMilliseconds(456),
            Suspicions = [new SuspicionVote(Silo(7), StartTime.AddSeconds(5).AddMilliseconds(7)), new SuspicionVote(Silo(8, generation: 99), StartTime.AddSeconds(9))],
            GrainTypes = ["counter", "job-grain", "ünïcode"],
            ActivationCount = 42,
        };

        var inserted = await table.InsertRowAsync(entry, 0, Token);
        var read = await table.ReadAllAsync(Token);

        ContractAssert.Equal(true, inserted, "insert into a fresh table at version 0");
        ContractAssert.Equal(1L, read.Version, "version after one insert");
        var row = ContractAssert.NotNull(read.Find(entry.Silo), "the inserted row");
        ContractAssert.Equal(Describe(entry), Describe(row.Entry), "row read back");
        ContractAssert.True(!string.IsNullOrEmpty(row.ETag), "an inserted row has an ETag");
        ContractAssert.Equal(1, read.Rows.Count, "rows after one insert");
    }

    [Fact]
    public async Task InsertRowAsync_CallerChangesItsListsAfterwards_StoredRowUnchanged()
    {
        var table = await CreateInitializedTableAsync(NewClusterId());
        var votes = new List<SuspicionVote> { new(Silo(7), StartTime) };
        var types = new List<string> { "counter" };
        var entry = Entry(1) with { Suspicions = votes, GrainTypes = types };
        var expected = Describe(entry);
        await InsertAsync(table, entry, 0);

        votes.Add(new SuspicionVote(Silo(8), StartTime));
        types.Clear();
        var read = await table.ReadAllAsync(Token);

        ContractAssert.Equal(expected, Describe(read.Rows[0].Entry), "row after the writer changed its lists");
    }

    [Fact]
    public async Task InsertRowAsync_SameEndpointOtherGeneration_IsAnotherRow()
    {
        var table = await CreateInitializedTableAsync(NewClusterId());
        var old = Entry(1, generation: 1000);
        var restarted = Entry(1, generation: 2000);

        await InsertAsync(table, old, 0);
        var inserted = await table.InsertRowAsync(restarted, 1, Token);
        var read = await table.ReadAllAsync(Token);

        ContractAssert.Equal(true, inserted, "insert of a newer generation on the same endpoint");
        ContractAssert.Equal(Describe(old), Describe(ContractAssert.NotNull(read.Find(old.Silo), "old generation's row").Entry), "old generation's row");
        ContractAssert.Equal(Describe(restarted), Describe(ContractAssert.NotNull(read.Find(restarted.Silo), "new generation's row").Entry), "new generation's row");
    }

    [Fact]
    public async Task InsertRowAsync_WithStaleVersion_IsRefusedAndChangesNothing()
    {
        var table = await CreateInitializedTableAsync(NewClusterId());
        await InsertAsync(table, Entry(1), 0);

        var inserted = await table.InsertRowAsync(Entry(2), 0, Token);
        var ahead = await table.InsertRowAsync(Entry(3), 2, Token);
        var read = await table.ReadAllAsync(Token);

        ContractAssert.Equal(false, inserted, "insert at a stale version");
        ContractAssert.Equal(false, ahead, "insert at a version the table has not reached");
        ContractAssert.Equal(1L, read.Version, "version after refused inserts");
        ContractAssert.SequenceEqual([Describe(Entry(1))], DescribeRows(read), "rows after refused inserts");
    }

    [Fact]
    public async Task InsertRowAsync_SiloAlreadyHasRow_IsRefusedAndChangesNothing()
    {
        var table = await CreateInitializedTableAsync(NewClusterId());
        await InsertAsync(table, Entry(1), 0);
        var before = await table.ReadAllAsync(Token);

        var inserted = await table.InsertRowAsync(Entry(1) with { NodeName = "duplicate", Status = SiloStatus.Active }, 1, Token);
        var read = await table.ReadAllAsync(Token);

        ContractAssert.Equal(false, inserted, "second insert of the same silo at the current version");
        ContractAssert.Equal(1L, read.Version, "version after a refused duplicate insert");
        ContractAssert.SequenceEqual([Describe(Entry(1))], DescribeRows(read), "rows after a refused duplicate insert");
        ContractAssert.Equal(before.Rows[0].ETag, read.Rows[0].ETag, "ETag after a refused duplicate insert");
    }

    [Fact]
    public async Task UpdateRowAsync_AtCurrentVersionAndEtag_ReplacesRowAndChangesEtag()
    {
        var table = await CreateInitializedTableAsync(NewClusterId());
        await InsertAsync(table, Entry(1), 0);
        var before = await table.ReadAllAsync(Token);
        var changed = Entry(1) with
        {
            Status = SiloStatus.Active,
            IAmAliveTime = StartTime.AddSeconds(30),
            Suspicions = [new SuspicionVote(Silo(2), StartTime.AddSeconds(20))],
            GrainTypes = ["other"],
            ActivationCount = 5,
        };

        var updated = await table.UpdateRowAsync(changed, before.Rows[0].ETag, before.Version, Token);
        var read = await table.ReadAllAsync(Token);

        ContractAssert.Equal(true, updated, "update at the current version and ETag");
        ContractAssert.Equal(2L, read.Version, "version after one insert and one update");
        ContractAssert.SequenceEqual([Describe(changed)], DescribeRows(read), "rows after the update");
        ContractAssert.NotEqual(before.Rows[0].ETag, read.Rows[0].ETag, "ETag after an update");
    }

    [Fact]
    public async Task UpdateRowAsync_WithStaleVersion_IsRefusedAndChangesNothing()
    {
        var table = await CreateInitializedTableAsync(NewClusterId());
        await InsertAsync(table, Entry(1), 0);
        var stale = await table.ReadAllAsync(Token);

        // Another silo joins: the version moves, silo 1's row and ETag do not.
        await InsertAsync(table, Entry(2), stale.Version);
        var updated = await table.UpdateRowAsync(Entry(1) with { Status = SiloStatus.Dead }, stale.Rows[0].ETag, stale.Version, Token);
        var read = await table.ReadAllAsync(Token);

        ContractAssert.Equal(false, updated, "update at a stale version with the row's current ETag");
        ContractAssert.Equal(2L, read.Version, "version after a refused update");
        ContractAssert.SequenceEqual([Describe(Entry(1)), Describe(Entry(2))], DescribeRows(read), "rows after a refused update");
        ContractAssert.Equal(stale.Rows[0].ETag, ContractAssert.NotNull(read.Find(Silo(1)), "silo 1's row").ETag, "silo 1's ETag after a refused update");
    }

    [Fact]
    public async Task UpdateRowAsync_WithStaleEtag_IsRefusedAndChangesNothing()
    {
        var table = await CreateInitializedTableAsync(NewClusterId());
        await InsertAsync(table, Entry(1), 0);
        var first = await table.ReadAllAsync(Token);
        var winner = Entry(1) with { Status = SiloStatus.Active };
        await UpdateAsync(table, winner, first.Rows[0].ETag, first.Version);
        var current = await table.ReadAllAsync(Token);

        // The current version, but the ETag from before the winner's update.
        var updated = await table.UpdateRowAsync(Entry(1) with { Status = SiloStatus.Dead }, first.Rows[0].ETag, current.Version, Token);
        var read = await table.ReadAllAsync(Token);

        ContractAssert.Equal(false, updated, "update at the current version with a stale ETag");
        ContractAssert.Equal(current.Version, read.Version, "version after a refused update");
        ContractAssert.SequenceEqual([Describe(winner)], DescribeRows(read), "rows after a refused update");
        ContractAssert.Equal(current.Rows[0].ETag, read.Rows[0].ETag, "ETag after a refused update");
    }

    [Fact]
    public async Task UpdateRowAsync_RowMissingOrEtagNeverIssued_IsRefusedAndChangesNothing()
    {
        var table = await CreateInitializedTableAsync(NewClusterId());
        await InsertAsync(table, Entry(1), 0);
        var read = await table.ReadAllAsync(Token);

        var missing = await table.UpdateRowAsync(Entry(2), read.Rows[0].ETag, read.Version, Token);
        var garbage = await table.UpdateRowAsync(Entry(1) with { Status = SiloStatus.Dead }, "not-an-etag", read.Version, Token);
        var after = await table.ReadAllAsync(Token);

        ContractAssert.Equal(false, missing, "update of a silo without a row (with another row's ETag)");
        ContractAssert.Equal(false, garbage, "update with an ETag the table never issued");
        ContractAssert.Equal(1L, after.Version, "version after refused updates");
        ContractAssert.SequenceEqual([Describe(Entry(1))], DescribeRows(after), "rows after refused updates");
    }

    [Fact]
    public async Task Writes_EachSuccessIncrementsVersionByExactlyOne_RefusalsNever()
    {
        var table = await CreateInitializedTableAsync(NewClusterId());
        var versions = new List<long>();

        for (var i = 1; i <= 3; i++)
        {
            await InsertAsync(table, Entry(i), i - 1);
            ContractAssert.Equal(false, await table.InsertRowAsync(Entry(i), i, Token), $"duplicate insert of silo {i}");
            versions.Add((await table.ReadAllAsync(Token)).Version);
        }

        for (var i = 1; i <= 3; i++)
        {
            var snapshot = await table.ReadAllAsync(Token);
            var row = ContractAssert.NotNull(snapshot.Find(Silo(i)), $"silo {i}'s row");
            await UpdateAsync(table, row.Entry with { Status = SiloStatus.Active }, row.ETag, snapshot.Version);
            ContractAssert.Equal(false, await table.UpdateRowAsync(row.Entry, row.ETag, snapshot.Version, Token), $"repeated update of silo {i}");
            versions.Add((await table.ReadAllAsync(Token)).Version);
        }

        ContractAssert.SequenceEqual([1L, 2L, 3L, 4L, 5L, 6L], versions, "versions after each successful write");
    }

    [Fact]
    public async Task UpdateIAmAliveAsync_ChangesTimeAndCountOnly_NotVersionOrEtag()
    {
        var table = await CreateInitializedTableAsync(NewClusterId());
        await InsertAsync(table, Entry(1), 0);
        await InsertAsync(table, Entry(2), 1);
        var before = await table.ReadAllAsync(Token);
        var heartbeat = StartTime.AddMinutes(1).AddMilliseconds(789);

        await table.UpdateIAmAliveAsync(Silo(1), heartbeat, 17, Token);
        var read = await table.ReadAllAsync(Token);

        ContractAssert.Equal(before.Version, read.Version, "version after a heartbeat");
        ContractAssert.Equal(before.Find(Silo(1))!.ETag, read.Find(Silo(1))!.ETag, "ETag after a heartbeat");
        ContractAssert.SequenceEqual(
            [Describe(Entry(1) with { IAmAliveTime = heartbeat, ActivationCount = 17 }), Describe(Entry(2))],
            DescribeRows(read),
            "rows after silo 1's heartbeat");

        // A compare-and-set decided on the snapshot from before the heartbeat still holds.
        var row = before.Find(Silo(1))!;
        var updated = await table.UpdateRowAsync(row.Entry with { Status = SiloStatus.Active }, row.ETag, before.Version, Token);
        ContractAssert.Equal(true, updated, "update with the version and ETag read before a heartbeat");
    }

    [Fact]
    public async Task UpdateIAmAliveAsync_SiloWithoutRow_CreatesNothing()
    {
        var table = await CreateInitializedTableAsync(NewClusterId());
        await InsertAsync(table, Entry(1), 0);

        await table.UpdateIAmAliveAsync(Silo(2), StartTime.AddMinutes(1), 3, Token);
        var read = await table.ReadAllAsync(Token);

        ContractAssert.Equal(1L, read.Version, "version after a heartbeat of an unknown silo");
        ContractAssert.SequenceEqual([Describe(Entry(1))], DescribeRows(read), "rows after a heartbeat of an unknown silo");
    }

    [Fact]
    public async Task InsertRowAsync_ConcurrentWritersAtSameVersion_ExactlyOneWins()
    {
        var clusterId = NewClusterId();
        var setup = await CreateInitializedTableAsync(clusterId);
        await InsertAsync(setup, Entry(100), 0);

        // One table per writer, as if each ran on its own silo; each inserts its own silo at version 1.
        var outcomes = await RaceAsync(Writers, i => CreateTable(clusterId).InsertRowAsync(Entry(i + 1), 1, Token));

        var winners = Winners(outcomes);
        ContractAssert.Equal(1, winners.Count, $"inserts at version 1 that won (of {Writers}: {string.Join(", ", winners)})");
        var read = await setup.ReadAllAsync(Token);
        ContractAssert.Equal(2L, read.Version, "version after the insert race");
        ContractAssert.SequenceEqual(
            new[] { Describe(Entry(100)), Describe(Entry(winners[0])) }.Order(StringComparer.Ordinal),
            DescribeRows(read).Order(StringComparer.Ordinal),
            "rows after the insert race");
    }

    [Fact]
    public async Task UpdateRowAsync_ConcurrentWritersOfDifferentRowsAtSameVersion_ExactlyOneWins()
    {
        var clusterId = NewClusterId();
        var setup = await CreateInitializedTableAsync(clusterId);
        for (var i = 1; i <= Writers; i++)
        {
            await InsertAsync(setup, Entry(i), i - 1);
        }

        var snapshot = await setup.ReadAllAsync(Token);

        // Each writer changes only its own row: the rows do not conflict, the version must.
        var outcomes = await RaceAsync(Writers, i =>
        {
            var row = snapshot.Find(Silo(i + 1))!;
            return CreateTable(clusterId).UpdateRowAsync(row.Entry with { Status = SiloStatus.Active }, row.ETag, snapshot.Version, Token);
        });

        var winners = Winners(outcomes);
        ContractAssert.Equal(1, winners.Count, $"updates at version {snapshot.Version} that won (of {Writers}: {string.Join(", ", winners)})");
        var read = await setup.ReadAllAsync(Token);
        ContractAssert.Equal(snapshot.Version + 1, read.Version, "version after the update race");
        ContractAssert.SequenceEqual(
            [Silo(winners[0]).ToString()],
            read.Rows.Where(r => r.Entry.Status == SiloStatus.Active).Select(r => r.Entry.Silo.ToString()),
            "silos whose row changed");
    }

    [Fact]
    public async Task UpdateRowAsync_ConcurrentWritersOfOneRowAtSameVersion_ExactlyOneWins()
    {
        var clusterId = NewClusterId();
        var setup = await CreateInitializedTableAsync(clusterId);
        await InsertAsync(setup, Entry(1), 0);
        var snapshot = await setup.ReadAllAsync(Token);
        var row = snapshot.Rows[0];

        // Each writer would record its own vote; exactly one vote may land.
        var outcomes = await RaceAsync(Writers, i => CreateTable(clusterId).UpdateRowAsync(
            row.Entry with { Suspicions = [new SuspicionVote(Silo(101 + i), StartTime)] }, row.ETag, snapshot.Version, Token));

        var winners = Winners(outcomes);
        ContractAssert.Equal(1, winners.Count, $"updates of one row that won (of {Writers}: {string.Join(", ", winners)})");
        var read = await setup.ReadAllAsync(Token);
        ContractAssert.Equal(2L, read.Version, "version after the update race");
        ContractAssert.SequenceEqual(
            [Silo(100 + winners[0]).ToString()],
            read.Rows[0].Entry.Suspicions.Select(v => v.Voter.ToString()),
            "the vote that landed");
    }

    [Fact]
    public async Task CleanupDefunctEntriesAsync_RemovesOnlyDeadRowsOlderThanCutoff()
    {
        var table = await CreateInitializedTableAsync(NewClusterId());
        var cutoff = StartTime.AddHours(1);
        var old = cutoff.AddMilliseconds(-1);
        var recent = cutoff.AddMinutes(1);
        MembershipEntry[] kept =
        [
            Entry(2) with { Status = SiloStatus.Dead, IAmAliveTime = recent },
            Entry(3) with { Status = SiloStatus.Dead, IAmAliveTime = cutoff },
            Entry(4) with { Status = SiloStatus.Active, IAmAliveTime = old },
            Entry(5) with { Status = SiloStatus.ShuttingDown, IAmAliveTime = old },
            Entry(6) with { Status = SiloStatus.Joining, IAmAliveTime = old },
        ];
        var defunct = Entry(1) with { Status = SiloStatus.Dead, IAmAliveTime = old };
        MembershipEntry[] all = [defunct, .. kept];
        for (var i = 0; i < all.Length; i++)
        {
            await InsertAsync(table, all[i], i);
        }

        var removed = await table.CleanupDefunctEntriesAsync(cutoff, Token);
        var read = await table.ReadAllAsync(Token);
        var removedAgain = await table.CleanupDefunctEntriesAsync(cutoff, Token);
        var readAgain = await table.ReadAllAsync(Token);

        ContractAssert.Equal(1, removed, "rows removed by cleanup");
        ContractAssert.SequenceEqual(kept.Select(Describe).Order(StringComparer.Ordinal), DescribeRows(read).Order(StringComparer.Ordinal), "rows after cleanup");
        ContractAssert.Equal(all.Length + 1L, read.Version, "version after a cleanup that removed rows (one increment)");
        ContractAssert.Equal(0, removedAgain, "rows removed by a second cleanup");
        ContractAssert.Equal(read.Version, readAgain.Version, "version after a cleanup that removed nothing");
    }

    [Fact]
    public async Task CleanupDefunctEntriesAsync_RacingAnUpdateOfTheSameRow_ExactlyOneTakesEffect()
    {
        // The update revives the dead row's heartbeat (so a cleanup after it keeps the row); a cleanup first
        // deletes the row (so the update after it finds nothing). Either order is fine; a half-applied mix is not:
        // the version counts exactly the one change that happened.
        const int Rounds = 10;
        var cutoff = StartTime.AddHours(1);
        for (var round = 0; round < Rounds; round++)
        {
            var clusterId = NewClusterId();
            var setup = await CreateInitializedTableAsync(clusterId);
            await InsertAsync(setup, Entry(1) with { Status = SiloStatus.Dead, IAmAliveTime = StartTime }, 0);
            var snapshot = await setup.ReadAllAsync(Token);
            var row = snapshot.Rows[0];

            // Racer 0 updates (1 if it won), racer 1 cleans up (how many rows it removed).
            var results = await RaceAsync(2, async i => i == 0
                ? await CreateTable(clusterId).UpdateRowAsync(row.Entry with { IAmAliveTime = cutoff.AddMinutes(1) }, row.ETag, snapshot.Version, Token) ? 1 : 0
                : await CreateTable(clusterId).CleanupDefunctEntriesAsync(cutoff, Token));
            var updated = results[0] == 1;
            var removed = results[1];
            var read = await setup.ReadAllAsync(Token);

            var outcome = $"round {round}: updated {updated}, removed {removed}, version {read.Version}, rows {read.Rows.Count}";
            ContractAssert.True(updated ^ (removed == 1), $"exactly one of update and cleanup takes effect ({outcome})");
            ContractAssert.Equal(2L, read.Version, $"version after the race ({outcome})");
            ContractAssert.Equal(updated ? 1 : 0, read.Rows.Count, $"rows after the race ({outcome})");
        }
    }

    [Fact]
    public async Task CleanupDefunctEntriesAsync_FreshTable_RemovesNothing()
    {
        var table = CreateTable(NewClusterId());

        var removed = await table.CleanupDefunctEntriesAsync(StartTime, Token);
        var read = await table.ReadAllAsync(Token);

        ContractAssert.Equal(0, removed, "rows removed from a fresh table");
        ContractAssert.Equal(0L, read.Version, "version of a fresh table after cleanup");
    }

    [Fact]
    public async Task InsertRowAsync_InOneCluster_IsInvisibleToAnother()
    {
        var clusterA = await CreateInitializedTableAsync(NewClusterId());
        var clusterB = await CreateInitializedTableAsync(NewClusterId());
        await InsertAsync(clusterA, Entry(1) with { Status = SiloStatus.Dead, IAmAliveTime = StartTime }, 0);
        var etagA = (await clusterA.ReadAllAsync(Token)).Rows[0].ETag;

        var readB = await clusterB.ReadAllAsync(Token);
        await clusterB.UpdateIAmAliveAsync(Silo(1), StartTime.AddDays(1), 9, Token);
        var updatedB = await clusterB.UpdateRowAsync(Entry(1) with { NodeName = "from B" }, etagA, 1, Token);
        var removedB = await clusterB.CleanupDefunctEntriesAsync(StartTime.AddDays(2), Token);
        var insertedB = await clusterB.InsertRowAsync(Entry(1) with { NodeName = "B's own" }, 0, Token);
        var readA = await clusterA.ReadAllAsync(Token);

        ContractAssert.Equal(0L, readB.Version, "cluster B's version after cluster A's insert");
        ContractAssert.Equal(0, readB.Rows.Count, "cluster B's rows after cluster A's insert");
        ContractAssert.Equal(false, updatedB, "cluster B updates cluster A's row");
        ContractAssert.Equal(0, removedB, "cluster B cleans up cluster A's dead row");
        ContractAssert.Equal(true, insertedB, "cluster B inserts the same silo into its own table");
        ContractAssert.Equal(1L, readA.Version, "cluster A's version after cluster B's writes");
        ContractAssert.SequenceEqual([Describe(Entry(1) with { Status = SiloStatus.Dead, IAmAliveTime = StartTime })], DescribeRows(readA), "cluster A's rows after cluster B's writes");
        ContractAssert.Equal(etagA, readA.Rows[0].ETag, "cluster A's ETag after cluster B's writes");
    }

    [Fact]
    public async Task ReadAllAsync_ThroughAnotherTableOfSameCluster_SeesWrites()
    {
        var clusterId = NewClusterId();
        var writer = await CreateInitializedTableAsync(clusterId);
        await InsertAsync(writer, Entry(1), 0);

        var read = await CreateTable(clusterId).ReadAllAsync(Token);

        ContractAssert.Equal(1L, read.Version, "version read through a second table instance");
        ContractAssert.SequenceEqual([Describe(Entry(1))], DescribeRows(read), "rows read through a second table instance");
    }

    /// <summary>Silo <paramref name="n"/> of a test: loopback, port 11000 + n.</summary>
    private static SiloAddress Silo(int n, long generation = 1_764_000_000_000) => new(new IPEndPoint(IPAddress.Loopback, 11000 + n), generation);

    /// <summary>A Joining row of silo <paramref name="n"/>, with every field set.</summary>
    private static MembershipEntry Entry(int n, long generation = 1_764_000_000_000) => new(
        Silo(n, generation),
        "host-" + n.ToString(CultureInfo.InvariantCulture),
        "node-" + n.ToString(CultureInfo.InvariantCulture),
        30000 + n,
        SiloStatus.Joining,
        StartTime,
        StartTime.AddSeconds(n),
        [],
        ["counter", "ticking"],
        0);

    /// <summary>Every field as text, instants as UTC ticks, so two entries compare by value and a difference shows.</summary>
    private static string Describe(MembershipEntry e) => string.Create(CultureInfo.InvariantCulture,
        $"{e.Silo}|{e.HostName}|{e.NodeName}|{e.GatewayPort}|{e.Status}|{e.StartTime.UtcTicks}|{e.IAmAliveTime.UtcTicks}|" +
        $"[{string.Join(",", e.Suspicions.Select(v => $"{v.Voter}@{v.Time.UtcTicks}"))}]|[{string.Join(",", e.GrainTypes)}]|{e.ActivationCount}");

    private static IEnumerable<string> DescribeRows(MembershipTableSnapshot snapshot) =>
        snapshot.Rows.OrderBy(r => r.Entry.Silo).Select(r => Describe(r.Entry));

    /// <summary>
    /// Runs <paramref name="count"/> racers as concurrently as the machine allows: each waits at one gate, opened only
    /// when all are queued, so they reach the table together instead of in the order they were created. Each racer
    /// gets its index (0 first).
    /// </summary>
    private static async Task<T[]> RaceAsync<T>(int count, Func<int, Task<T>> racer)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await racer(i);
        }, Token)).ToList();
        gate.SetResult();
        return await Task.WhenAll(racers);
    }

    private static List<int> Winners(bool[] outcomes) =>
        [.. outcomes.Select((won, i) => (won, i: i + 1)).Where(o => o.won).Select(o => o.i)];

    private async Task<IMembershipTable> CreateInitializedTableAsync(string clusterId)
    {
        var table = CreateTable(clusterId);
        await table.InitializeAsync(Token);
        return table;
    }

    private static async Task InsertAsync(IMembershipTable table, MembershipEntry entry, long expectedVersion) =>
        ContractAssert.Equal(true, await table.InsertRowAsync(entry, expectedVersion, Token), $"insert of {entry.Silo} at version {expectedVersion}");

    private static async Task UpdateAsync(IMembershipTable table, MembershipEntry entry, string etag, long expectedVersion) =>
        ContractAssert.Equal(true, await table.UpdateRowAsync(entry, etag, expectedVersion, Token), $"update of {entry.Silo} at version {expectedVersion}");
}
