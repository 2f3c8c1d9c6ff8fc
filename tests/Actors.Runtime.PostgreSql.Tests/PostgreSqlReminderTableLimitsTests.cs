using Actors.Runtime.Reminders;
using Actors.TestKit.Postgres;

namespace Actors.Runtime.PostgreSql.Tests;

/// <summary>What the PostgreSQL reminder table keeps exactly, and what it refuses rather than change silently.</summary>
public sealed class PostgreSqlReminderTableLimitsTests(PostgresDatabase database)
{
    private readonly PostgreSqlReminderTable _table = new(database.DataSource, PostgresDatabase.NewClusterId());

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpsertAsync_PeriodWithSubMillisecondPart_ThrowsAndStoresNothing()
    {
        var grainId = new GrainId(new GrainType("limits"), "fine");
        var entry = new ReminderEntry(grainId, "tick", new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero), TimeSpan.FromTicks(10_000_001));

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _table.UpsertAsync(entry, Token));

        Assert.Contains("whole milliseconds", ex.Message, StringComparison.Ordinal);
        Assert.Null(await _table.ReadAsync(grainId, "tick", Token));
    }

    [Fact]
    public async Task UpsertAsync_StartWithOffset_KeepsTheInstantToTheMicrosecond()
    {
        var grainId = new GrainId(new GrainType("limits"), "offset");
        var startAt = new DateTimeOffset(2026, 11, 22, 23, 59, 59, TimeSpan.FromHours(-5)).AddTicks(1_234_560);
        await _table.UpsertAsync(new ReminderEntry(grainId, "tick", startAt, TimeSpan.FromDays(1)), Token);

        var read = await _table.ReadAsync(grainId, "tick", Token);

        Assert.NotNull(read);
        Assert.Equal(startAt.UtcTicks, read.StartAt.UtcTicks);
        Assert.Equal(TimeSpan.FromDays(1), read.Period);
    }
}
