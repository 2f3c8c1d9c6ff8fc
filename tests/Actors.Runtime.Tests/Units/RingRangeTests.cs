using Actors.Runtime.Reminders;

namespace Actors.Runtime.Tests.Units;

public sealed class RingRangeTests
{
    [Theory]
    [InlineData(10u, 20u, 10u, false)]
    [InlineData(10u, 20u, 11u, true)]
    [InlineData(10u, 20u, 20u, true)]
    [InlineData(10u, 20u, 21u, false)]
    [InlineData(4_000_000_000u, 5u, 4_000_000_001u, true)]
    [InlineData(4_000_000_000u, 5u, 0u, true)]
    [InlineData(4_000_000_000u, 5u, 5u, true)]
    [InlineData(4_000_000_000u, 5u, 6u, false)]
    [InlineData(4_000_000_000u, 5u, 4_000_000_000u, false)]
    public void Contains_IsExclusiveOfBeginAndInclusiveOfEnd_AcrossTheWrap(uint begin, uint end, uint hash, bool expected) =>
        Assert.Equal(expected, new RingRange(begin, end).Contains(hash));

    [Fact]
    public void FullRange_ContainsEverything()
    {
        Assert.True(RingRange.Full.Contains(0));
        Assert.True(RingRange.Full.Contains(uint.MaxValue));
        Assert.True(new RingRange(7, 7).IsFull);
    }
}
