using Actors.Containers.Docker.Engine;

namespace Actors.Containers.Docker.Tests.Engine;

[Trait("Category", "Unit")]
public sealed class EngineTimeTests
{
    [Fact]
    public void Parse_NanosecondTimestamp_KeepsItToTheTick()
    {
        var instant = EngineTime.Parse("2026-11-23T15:28:01.123456789Z");

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 15, 28, 1, TimeSpan.Zero).AddTicks(1_234_567), instant);
    }

    [Fact]
    public void Parse_TimestampWithOffset_ConvertsToUtc()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero), EngineTime.Parse("2026-11-23T15:00:00.5+02:00")?.AddMilliseconds(-500));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("not a time")]
    public void Parse_AbsentOrZeroOrUnreadable_IsNull(string? value)
    {
        Assert.Null(EngineTime.Parse(value));
    }
}
