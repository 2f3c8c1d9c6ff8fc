using Actors.Runtime.Reminders;

namespace Actors.Runtime.Tests.Units;

public sealed class ReminderScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ReminderEntry Entry = new(new GrainId(new GrainType("g"), "k"), "r", Start, TimeSpan.FromSeconds(10));

    [Fact]
    public void BeforeTheStart_TheFirstTickIsTheStart() => Assert.Equal(Start, Entry.NextTickAfter(Start.AddSeconds(-5)));

    [Fact]
    public void OnABoundary_TheNextTickIsAPeriodLater() => Assert.Equal(Start.AddSeconds(20), Entry.NextTickAfter(Start.AddSeconds(10)));

    [Fact]
    public void BetweenBoundaries_TheNextTickIsTheNextBoundary() => Assert.Equal(Start.AddSeconds(30), Entry.NextTickAfter(Start.AddSeconds(21)));

    [Fact]
    public void AfterALongOutage_MissedTicksAreSkipped() =>
        Assert.Equal(Start.AddSeconds(36_010), Entry.NextTickAfter(Start.AddHours(10).AddSeconds(1)));
}
