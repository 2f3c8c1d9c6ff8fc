using Actors.Containers.Docker.Streams;

namespace Actors.Containers.Docker.Tests.Streams;

[Trait("Category", "Unit")]
public sealed class CappedBufferTests
{
    [Fact]
    public void Append_BelowTheCap_KeepsEverythingAndIsNotTruncated()
    {
        var buffer = new CappedBuffer(10);

        buffer.Append("abc"u8);
        buffer.Append("de"u8);

        Assert.Equal("abcde"u8.ToArray(), buffer.ToArray());
        Assert.False(buffer.Truncated);
    }

    [Fact]
    public void Append_ExactlyTheCap_IsNotTruncated()
    {
        var buffer = new CappedBuffer(5);

        buffer.Append("abcde"u8);

        Assert.Equal("abcde"u8.ToArray(), buffer.ToArray());
        Assert.False(buffer.Truncated);
    }

    [Fact]
    public void Append_PastTheCap_KeepsTheFirstCapBytesCountsAllAndIsTruncated()
    {
        var buffer = new CappedBuffer(5);

        buffer.Append("abc"u8);
        buffer.Append("defgh"u8);
        buffer.Append("ijk"u8);

        Assert.Equal("abcde"u8.ToArray(), buffer.ToArray());
        Assert.True(buffer.Truncated);
        Assert.Equal(11, buffer.TotalBytes);
    }

    [Fact]
    public void Append_ManyChunksGrowingTheStore_KeepsTheBytesExactly()
    {
        var data = new byte[300_000];
        new Random(3).NextBytes(data);
        var buffer = new CappedBuffer(250_000);

        for (var offset = 0; offset < data.Length; offset += 1_000)
        {
            buffer.Append(data.AsSpan(offset, 1_000));
        }

        Assert.Equal(data[..250_000], buffer.ToArray());
        Assert.True(buffer.Truncated);
    }

    [Fact]
    public void Append_ZeroCap_KeepsNothingAndIsTruncatedByAnyByte()
    {
        var buffer = new CappedBuffer(0);

        buffer.Append([]);
        Assert.False(buffer.Truncated);
        buffer.Append("a"u8);

        Assert.Empty(buffer.ToArray());
        Assert.True(buffer.Truncated);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData((long)int.MaxValue + 1)]
    public void Constructor_CapOutOfRange_Throws(long cap)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CappedBuffer(cap));
    }
}
