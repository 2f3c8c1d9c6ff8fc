using System.Globalization;
using Actors.Runtime.Reminders;
using Xunit;

namespace Actors.TestKit.Contracts;

/// <summary>
/// The behaviour every <see cref="IReminderTable"/> must have, run against each provider (in-memory, PostgreSQL) by
/// deriving once per provider: upsert and reads, conditional removes, ring-range reads (including ranges that wrap
/// past zero and the full ring), and isolation between clusters.
/// </summary>
/// <remarks>Every test works in a fresh cluster id, so tests sharing one store never see each other's reminders.</remarks>
public abstract class ReminderTableContractTests
{
    // Whole milliseconds, with an offset: what a durable table must keep is the instant.
    private static readonly DateTimeOffset StartAt = new(2026, 11, 22, 10, 30, 15, 123, TimeSpan.FromHours(2));

    /// <summary>
    /// Creates the table under test for cluster <paramref name="clusterId"/>. Tables created with the same cluster id
    /// share their reminders (as the silos of one cluster share a database); different cluster ids share nothing.
    /// </summary>
    protected abstract IReminderTable CreateTable(string clusterId);

    /// <summary>A cluster id no other test uses.</summary>
    protected virtual string NewClusterId() => "contract-" + Guid.NewGuid().ToString("N")[..16];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_NothingStored_ReturnsNullAndEmpty()
    {
        var table = CreateTable(NewClusterId());
        var grainId = NewGrainId();

        ContractAssert.Equal(null, await table.ReadAsync(grainId, "tick", Token), "reminder read when none is stored");
        ContractAssert.Equal(0, (await table.ReadGrainAsync(grainId, Token)).Count, "reminders of a grain with none");
        ContractAssert.Equal(0, (await table.ReadRangeAsync(RingRange.Full, Token)).Count, "reminders of an empty cluster");
    }

    [Fact]
    public async Task UpsertAsync_ThenReadAsync_ReturnsEntryWithEtag()
    {
        var table = CreateTable(NewClusterId());
        var entry = new ReminderEntry(NewGrainId(), "tick", StartAt, TimeSpan.FromMinutes(5));

        var etag = await table.UpsertAsync(entry, Token);
        var read = await table.ReadAsync(entry.GrainId, "tick", Token);

        ContractAssert.True(!string.IsNullOrEmpty(etag), "UpsertAsync returns an ETag");
        ContractAssert.Equal(entry with { ETag = etag }, read, "reminder read back");
        ContractAssert.Equal(StartAt.UtcTicks, ContractAssert.NotNull(read, "reminder").StartAt.UtcTicks, "start instant read back");
    }

    [Fact]
    public async Task UpsertAsync_Existing_ReplacesEntryAndChangesEtag()
    {
        var table = CreateTable(NewClusterId());
        var grainId = NewGrainId();
        var first = await table.UpsertAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(5)), Token);
        var replacement = new ReminderEntry(grainId, "tick", StartAt.AddHours(1), TimeSpan.FromSeconds(90));

        var second = await table.UpsertAsync(replacement, Token);

        ContractAssert.NotEqual(first, second, "ETag after replacing a reminder");
        ContractAssert.Equal(replacement with { ETag = second }, await table.ReadAsync(grainId, "tick", Token), "replaced reminder");
        ContractAssert.Equal(1, (await table.ReadGrainAsync(grainId, Token)).Count, "reminders of the grain after replacing one");
    }

    [Fact]
    public async Task ReadGrainAsync_ReturnsThatGrainsRemindersOrderedByName()
    {
        var table = CreateTable(NewClusterId());
        var grainId = NewGrainId();
        var other = NewGrainId();
        foreach (var name in new[] { "zeta", "Alpha", "beta" })
        {
            await table.UpsertAsync(new ReminderEntry(grainId, name, StartAt, TimeSpan.FromMinutes(1)), Token);
        }

        await table.UpsertAsync(new ReminderEntry(other, "alpha", StartAt, TimeSpan.FromMinutes(1)), Token);

        var read = await table.ReadGrainAsync(grainId, Token);

        // Ordinal order: upper case before lower case.
        ContractAssert.SequenceEqual(["Alpha", "beta", "zeta"], read.Select(e => e.ReminderName), "reminder names of the grain");
        ContractAssert.True(read.All(e => e.GrainId == grainId), "ReadGrainAsync returned another grain's reminder");
    }

    [Fact]
    public async Task RemoveAsync_WithoutEtag_RemovesReminder()
    {
        var table = CreateTable(NewClusterId());
        var grainId = NewGrainId();
        await table.UpsertAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(1)), Token);
        await table.UpsertAsync(new ReminderEntry(grainId, "tock", StartAt, TimeSpan.FromMinutes(1)), Token);

        var removed = await table.RemoveAsync(grainId, "tick", etag: null, Token);
        var removedAgain = await table.RemoveAsync(grainId, "tick", etag: null, Token);

        ContractAssert.Equal(true, removed, "first remove");
        ContractAssert.Equal(false, removedAgain, "second remove of the same reminder");
        ContractAssert.Equal(null, await table.ReadAsync(grainId, "tick", Token), "removed reminder read");
        ContractAssert.SequenceEqual(["tock"], (await table.ReadGrainAsync(grainId, Token)).Select(e => e.ReminderName), "reminders left");
    }

    [Fact]
    public async Task RemoveAsync_WithCurrentEtag_RemovesReminder()
    {
        var table = CreateTable(NewClusterId());
        var grainId = NewGrainId();
        var etag = await table.UpsertAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(1)), Token);

        ContractAssert.Equal(true, await table.RemoveAsync(grainId, "tick", etag, Token), "remove at the current ETag");
        ContractAssert.Equal(null, await table.ReadAsync(grainId, "tick", Token), "removed reminder read");
    }

    [Fact]
    public async Task RemoveAsync_WithStaleEtag_KeepsReminder()
    {
        var table = CreateTable(NewClusterId());
        var grainId = NewGrainId();
        var stale = await table.UpsertAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(1)), Token);
        var current = await table.UpsertAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(2)), Token);

        var removed = await table.RemoveAsync(grainId, "tick", stale, Token);

        ContractAssert.Equal(false, removed, "remove at a stale ETag");
        var read = ContractAssert.NotNull(await table.ReadAsync(grainId, "tick", Token), "reminder after a refused remove");
        ContractAssert.Equal(current, read.ETag, "ETag after a refused remove");
        ContractAssert.Equal(TimeSpan.FromMinutes(2), read.Period, "period after a refused remove");
    }

    [Fact]
    public async Task RemoveAsync_WithEtagFromBeforeRemoveAndReinsert_KeepsNewReminder()
    {
        var table = CreateTable(NewClusterId());
        var grainId = NewGrainId();
        var old = await table.UpsertAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(1)), Token);
        await table.RemoveAsync(grainId, "tick", etag: null, Token);
        var renewed = await table.UpsertAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(1)), Token);

        var removed = await table.RemoveAsync(grainId, "tick", old, Token);

        ContractAssert.NotEqual(old, renewed, "ETag of a reminder registered again after a remove");
        ContractAssert.Equal(false, removed, "remove with an ETag from before the reminder was registered again");
        ContractAssert.True(await table.ReadAsync(grainId, "tick", Token) is not null, "the reminder registered again is still there");
    }

    [Fact]
    public async Task RemoveAsync_NothingStored_ReturnsFalse()
    {
        var table = CreateTable(NewClusterId());

        ContractAssert.Equal(false, await table.RemoveAsync(NewGrainId(), "tick", etag: null, Token), "remove of a reminder never stored");
        ContractAssert.Equal(false, await table.RemoveAsync(NewGrainId(), "tick", "1", Token), "remove at an ETag of a reminder never stored");
    }

    [Fact]
    public async Task ReadRangeAsync_RangeInsideRing_ReturnsHashesAfterBeginUpToEnd()
    {
        var (table, grains) = await CreateRingAsync();

        var read = await table.ReadRangeAsync(new RingRange(grains[3].UniformHash, grains[10].UniformHash), Token);

        // Begin is exclusive, End inclusive: grains 4..10.
        AssertGrains(grains.Skip(4).Take(7), read, "range (hash 3, hash 10]");
    }

    [Fact]
    public async Task ReadRangeAsync_RangeWrappingPastZero_ReturnsBothEnds()
    {
        var (table, grains) = await CreateRingAsync();

        var read = await table.ReadRangeAsync(new RingRange(grains[^4].UniformHash, grains[5].UniformHash), Token);

        AssertGrains(grains.TakeLast(3).Concat(grains.Take(6)), read, "wrapping range (hash n-4, hash 5]");
    }

    [Fact]
    public async Task ReadRangeAsync_RangesAtTheEndsOfTheRing_SplitAtZero()
    {
        var (table, grains) = await CreateRingAsync();

        var toTop = await table.ReadRangeAsync(new RingRange(grains[^4].UniformHash, uint.MaxValue), Token);
        var fromTop = await table.ReadRangeAsync(new RingRange(uint.MaxValue, grains[5].UniformHash), Token);
        var allButZero = await table.ReadRangeAsync(new RingRange(0, uint.MaxValue), Token);

        AssertGrains(grains.TakeLast(3), toTop, "range (hash n-4, 2^32-1]");
        AssertGrains(grains.Take(6), fromTop, "range (2^32-1, hash 5]");
        AssertGrains(grains, allButZero, "range (0, 2^32-1]");
    }

    [Fact]
    public async Task ReadRangeAsync_FullRing_ReturnsEveryReminderOfTheCluster()
    {
        var (table, grains) = await CreateRingAsync();

        var full = await table.ReadRangeAsync(RingRange.Full, Token);
        var beginEqualsEnd = await table.ReadRangeAsync(new RingRange(grains[7].UniformHash, grains[7].UniformHash), Token);

        AssertGrains(grains, full, "RingRange.Full");
        AssertGrains(grains, beginEqualsEnd, "range with Begin == End (hash 7)");
    }

    [Fact]
    public async Task UpsertAsync_InOneCluster_IsInvisibleToAnother()
    {
        var clusterA = CreateTable(NewClusterId());
        var clusterB = CreateTable(NewClusterId());
        var grainId = NewGrainId();
        var etagA = await clusterA.UpsertAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(1)), Token);

        ContractAssert.Equal(null, await clusterB.ReadAsync(grainId, "tick", Token), "cluster B reads cluster A's reminder");
        ContractAssert.Equal(0, (await clusterB.ReadGrainAsync(grainId, Token)).Count, "cluster B's reminders of the grain");
        ContractAssert.Equal(0, (await clusterB.ReadRangeAsync(RingRange.Full, Token)).Count, "cluster B's reminders on the full ring");
        ContractAssert.Equal(false, await clusterB.RemoveAsync(grainId, "tick", etag: null, Token), "cluster B removes cluster A's reminder");
        await clusterB.UpsertAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(9)), Token);

        var readA = ContractAssert.NotNull(await clusterA.ReadAsync(grainId, "tick", Token), "cluster A's reminder");
        ContractAssert.Equal(etagA, readA.ETag, "cluster A's ETag after cluster B wrote the same key");
        ContractAssert.Equal(TimeSpan.FromMinutes(1), readA.Period, "cluster A's period after cluster B wrote the same key");
    }

    [Fact]
    public async Task ReadAsync_ThroughAnotherTableOfSameCluster_SeesUpsert()
    {
        var clusterId = NewClusterId();
        var entry = new ReminderEntry(NewGrainId(), "tick", StartAt, TimeSpan.FromMinutes(1));
        var etag = await CreateTable(clusterId).UpsertAsync(entry, Token);

        var read = await CreateTable(clusterId).ReadAsync(entry.GrainId, "tick", Token);

        ContractAssert.Equal(entry with { ETag = etag }, read, "reminder read through a second table instance");
    }

    private static GrainId NewGrainId() => new(new GrainType("contract"), Guid.NewGuid().ToString("N"));

    /// <summary>
    /// A fresh cluster with one reminder on each of 24 grains, returned sorted by hash. The keys are fixed, so the
    /// hashes are too; the check below keeps the set covering both halves of the ring.
    /// </summary>
    private async Task<(IReminderTable Table, IReadOnlyList<GrainId> Grains)> CreateRingAsync()
    {
        var table = CreateTable(NewClusterId());
        var grains = Enumerable.Range(0, 24)
            .Select(i => new GrainId(new GrainType("ring"), "grain-" + i.ToString(CultureInfo.InvariantCulture)))
            .OrderBy(g => g.UniformHash)
            .ToList();

        // Hashes of 2^31 and above are where a signed column or comparison goes wrong.
        ContractAssert.True(grains.Any(g => g.UniformHash > int.MaxValue) && grains.Any(g => g.UniformHash < int.MaxValue),
            "the ring fixture needs hashes in both halves of the ring");
        ContractAssert.True(grains.Select(g => g.UniformHash).Distinct().Count() == grains.Count && grains[0].UniformHash != 0,
            "the ring fixture needs distinct, non-zero hashes");
        foreach (var grainId in grains)
        {
            await table.UpsertAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(1)), Token);
        }

        return (table, grains);
    }

    private static void AssertGrains(IEnumerable<GrainId> expected, IReadOnlyList<ReminderEntry> actual, string what) =>
        ContractAssert.SequenceEqual(
            expected.Select(g => g.ToString()).Order(StringComparer.Ordinal),
            actual.Select(e => e.GrainId.ToString()).Order(StringComparer.Ordinal),
            what);
}
