using Actors.Grains.Jobs.Storage;

namespace Actors.Grains.PostgreSql.Tests;

/// <summary>The listing key and cursor format both stores share; no database needed.</summary>
public sealed class JobCursorTests
{
    [Theory]
    [InlineData(0L, "a")]
    [InlineData(-62_135_596_800_000_000L, "oldest")]
    [InlineData(1_795_000_000_123_456L, "job/with ünïcode 🚀")]
    public void Encode_ThenParse_RoundTrips(long microseconds, string id)
    {
        var cursor = new JobCursor(microseconds, id);

        var text = cursor.Encode();

        Assert.Equal(cursor, JobCursor.Parse(text));
        Assert.Matches("^[A-Za-z0-9_-]+$", text);
    }

    [Fact]
    public void ToMicroseconds_RoundsDownOnBothSidesOfTheEpoch()
    {
        var epoch = new DateTimeOffset(DateTime.UnixEpoch);

        Assert.Equal(0, JobCursor.ToMicroseconds(epoch.AddTicks(9)));
        Assert.Equal(-1, JobCursor.ToMicroseconds(epoch.AddTicks(-1)));
        Assert.Equal(-1, JobCursor.ToMicroseconds(epoch.AddTicks(-10)));
        Assert.Equal(1, JobCursor.ToMicroseconds(new DateTimeOffset(DateTime.UnixEpoch.AddTicks(17)).ToOffset(TimeSpan.FromHours(3))));
        Assert.Equal(DateTime.UnixEpoch.AddTicks(-10), JobCursor.FromMicroseconds(-1));
    }

    [Fact]
    public void CompareIds_OrdersByCodePointAsUtf8Does()
    {
        string[] ids = ["\uFF5E", "\U0001F680", "b", "a", "\uE000", "ab", "A"];

        var sorted = ids.Order(Comparer<string>.Create(JobCursor.CompareIds)).ToList();
        var byUtf8 = ids.OrderBy(static id => System.Text.Encoding.UTF8.GetBytes(id), Comparer<byte[]>.Create(static (x, y) => x.AsSpan().SequenceCompareTo(y))).ToList();

        Assert.Equal(byUtf8, sorted);
        Assert.True(JobCursor.CompareIds("\U0001F680", "\uFF5E") > 0, "a character beyond U+FFFF sorts after U+FF5E");
    }

    [Fact]
    public void CompareTo_OrdersByTimeThenId()
    {
        Assert.True(new JobCursor(1, "z").CompareTo(new JobCursor(2, "a")) < 0);
        Assert.True(new JobCursor(2, "b").CompareTo(new JobCursor(2, "a")) > 0);
        Assert.Equal(0, new JobCursor(2, "a").CompareTo(new JobCursor(2, "a")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("***")]
    [InlineData("AQ")]
    [InlineData("AgAAAAAAAAAAYQ")]
    [InlineData("AX__________YQ")]
    [InlineData("AQAAAAAAAAAA_w")]
    public void Parse_Malformed_ThrowsInvalidJobCursorException(string text)
    {
        var ex = Assert.Throws<InvalidJobCursorException>(() => JobCursor.Parse(text));

        Assert.StartsWith("The cursor is not one a job listing handed out", ex.Message, StringComparison.Ordinal);
    }
}
