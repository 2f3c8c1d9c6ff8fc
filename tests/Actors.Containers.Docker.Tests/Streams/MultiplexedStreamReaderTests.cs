using System.Text;
using Actors.Containers.Docker.Streams;
using Actors.Containers.Docker.Tests.Support;

namespace Actors.Containers.Docker.Tests.Streams;

[Trait("Category", "Unit")]
public sealed class MultiplexedStreamReaderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_InterleavedFrames_SeparatesStdoutFromStderrInOrder()
    {
        var data = Frames.Join(
            Frames.Frame(MultiplexedStreamKind.Stdout, "out-1 "u8),
            Frames.Frame(MultiplexedStreamKind.Stderr, "err-1 "u8),
            Frames.Frame(MultiplexedStreamKind.Stdout, "out-2"u8),
            Frames.Frame(MultiplexedStreamKind.Stderr, "err-2"u8));

        var (stdout, stderr, chunks) = await Frames.ReadAllAsync(new MemoryStream(data));

        Assert.Equal("out-1 out-2", Encoding.ASCII.GetString(stdout));
        Assert.Equal("err-1 err-2", Encoding.ASCII.GetString(stderr));
        Assert.Equal(
            [MultiplexedStreamKind.Stdout, MultiplexedStreamKind.Stderr, MultiplexedStreamKind.Stdout, MultiplexedStreamKind.Stderr],
            chunks.Select(chunk => chunk.Kind));
    }

    [Fact]
    public async Task ReadAsync_FramesSplitIntoOneByteReads_ReassemblesEveryPayload()
    {
        var payload = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var data = Frames.Join(
            Frames.Frame(MultiplexedStreamKind.Stdout, payload),
            Frames.Frame(MultiplexedStreamKind.Stderr, "tail"u8),
            Frames.Frame(MultiplexedStreamKind.Stdout, payload));
        var stream = new ChunkedStream(data, maxRead: 1);

        var (stdout, stderr, _) = await Frames.ReadAllAsync(stream);

        Assert.Equal(payload.Concat(payload), stdout);
        Assert.Equal("tail", Encoding.ASCII.GetString(stderr));
        Assert.True(stream.Reads >= data.Length, $"expected one read per byte, saw {stream.Reads} reads for {data.Length} bytes");
    }

    [Fact]
    public async Task ReadAsync_EmptyFrames_AreSkippedRatherThanTakenForTheEnd()
    {
        var data = Frames.Join(
            Frames.Frame(MultiplexedStreamKind.Stdout, []),
            Frames.Frame(MultiplexedStreamKind.Stderr, []),
            Frames.Frame(MultiplexedStreamKind.Stdout, "after empty frames"u8),
            Frames.Frame(MultiplexedStreamKind.Stdout, []));

        var (stdout, stderr, chunks) = await Frames.ReadAllAsync(new MemoryStream(data));

        Assert.Equal("after empty frames", Encoding.ASCII.GetString(stdout));
        Assert.Empty(stderr);
        Assert.All(chunks, chunk => Assert.True(chunk.Count > 0));
    }

    [Fact]
    public async Task ReadAsync_FrameLargerThanTheBuffer_ComesInBufferSizedChunks()
    {
        var payload = new byte[3 * 1024 * 1024 + 17];
        new Random(42).NextBytes(payload);
        var data = Frames.Join(Frames.Frame(MultiplexedStreamKind.Stdout, payload), Frames.Frame(MultiplexedStreamKind.Stderr, "x"u8));

        var (stdout, stderr, chunks) = await Frames.ReadAllAsync(new MemoryStream(data), bufferSize: 64 * 1024);

        Assert.Equal(payload, stdout);
        Assert.Equal("x", Encoding.ASCII.GetString(stderr));
        Assert.All(chunks, chunk => Assert.InRange(chunk.Count, 1, 64 * 1024));
        Assert.True(chunks.Count >= 49, $"a 3 MiB frame through a 64 KiB buffer needs at least 49 chunks, saw {chunks.Count}");
    }

    [Fact]
    public async Task ReadAsync_EmptyStream_ReturnsTheEnd()
    {
        var reader = new MultiplexedStreamReader(new MemoryStream());

        var chunk = await reader.ReadAsync(new byte[16], Token);

        Assert.True(chunk.IsEnd);
    }

    [Fact]
    public async Task ReadAsync_StreamEndsInsideAHeader_Throws()
    {
        var data = Frames.Join(Frames.Frame(MultiplexedStreamKind.Stdout, "complete"u8), Frames.Header(1, 10)[..5]);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => Frames.ReadAllAsync(new MemoryStream(data)));

        Assert.Contains("inside a frame header: 5 of its 8 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_StreamEndsInsideAPayload_ThrowsSayingHowMuchArrived()
    {
        var data = Frames.Join(Frames.Header(2, 100), new byte[40]);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => Frames.ReadAllAsync(new ChunkedStream(data, maxRead: 7)));

        Assert.Contains("Stderr frame: 40 of its 100 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_HeaderClaimingFourGiB_DoesNotAllocateItAndReportsTheTruncation()
    {
        var data = Frames.Join(Frames.Header(1, uint.MaxValue), "short"u8.ToArray());

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => Frames.ReadAllAsync(new MemoryStream(data), bufferSize: 16));

        Assert.Contains($"5 of its {uint.MaxValue} bytes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 4, 0, 0, 0, 0, 0, 0, 1 })]
    [InlineData(new byte[] { 1, 0, 7, 0, 0, 0, 0, 1 })]
    [InlineData(new byte[] { (byte)'H', (byte)'T', (byte)'T', (byte)'P', (byte)'/', (byte)'1', (byte)'.', (byte)'1' })]
    public async Task ReadAsync_MalformedHeader_ThrowsInsteadOfGuessing(byte[] header)
    {
        var data = Frames.Join(header, new byte[8]);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => Frames.ReadAllAsync(new MemoryStream(data)));

        Assert.Contains("not multiplexed as expected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_EngineErrorFrame_IsReportedAsSystemError()
    {
        var data = Frames.Frame(MultiplexedStreamKind.SystemError, "engine trouble"u8);
        var reader = new MultiplexedStreamReader(new MemoryStream(data));
        var buffer = new byte[64];

        var chunk = await reader.ReadAsync(buffer, Token);

        Assert.Equal(MultiplexedStreamKind.SystemError, chunk.Kind);
        Assert.Equal("engine trouble", Encoding.ASCII.GetString(buffer, 0, chunk.Count));
        Assert.True((await reader.ReadAsync(buffer, Token)).IsEnd);
    }

    [Fact]
    public async Task ReadAsync_EmptyBuffer_IsRefused()
    {
        var reader = new MultiplexedStreamReader(new MemoryStream(Frames.Frame(MultiplexedStreamKind.Stdout, "x"u8)));

        await Assert.ThrowsAsync<ArgumentException>(async () => await reader.ReadAsync(Memory<byte>.Empty, Token));
    }
}
