using Actors.Containers.Docker.Streams;

namespace Actors.Containers.Docker.Tests.Streams;

[Trait("Category", "Unit")]
public sealed class TailBufferTests
{
    [Fact]
    public void ToArray_LessThanCapacityAppended_KeepsEverythingInOrder()
    {
        var tail = new TailBuffer(16);

        tail.Append("abc"u8);
        tail.Append("def"u8);

        Assert.Equal("abcdef"u8.ToArray(), tail.ToArray());
        Assert.Equal(6, tail.TotalBytes);
    }

    [Fact]
    public void ToArray_ExactlyCapacityAppended_KeepsEverything()
    {
        var tail = new TailBuffer(6);

        tail.Append("abc"u8);
        tail.Append("def"u8);

        Assert.Equal("abcdef"u8.ToArray(), tail.ToArray());
    }

    [Fact]
    public void ToArray_AppendsWrappingTheRingSeveralTimes_KeepsTheLastCapacityBytesInOrder()
    {
        var random = new Random(7);
        var tail = new TailBuffer(100);
        var everything = new List<byte>();
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(0, 37)];
            random.NextBytes(bytes);
            tail.Append(bytes);
            everything.AddRange(bytes);

            Assert.Equal(everything.TakeLast(100), tail.ToArray());
        }

        Assert.Equal(everything.Count, tail.TotalBytes);
    }

    [Fact]
    public void ToArray_OneAppendLongerThanTheCapacity_KeepsItsEnd()
    {
        var tail = new TailBuffer(4);
        tail.Append("xy"u8);

        tail.Append("0123456789"u8);

        Assert.Equal("6789"u8.ToArray(), tail.ToArray());
        Assert.Equal(12, tail.TotalBytes);
    }

    [Fact]
    public void ToArray_ZeroCapacity_KeepsNothingButCounts()
    {
        var tail = new TailBuffer(0);

        tail.Append("abc"u8);

        Assert.Empty(tail.ToArray());
        Assert.Equal(3, tail.TotalBytes);
    }

    [Fact]
    public void Constructor_NegativeCapacity_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TailBuffer(-1));
    }
}
