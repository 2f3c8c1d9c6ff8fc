using System.Buffers;
using System.Net;
using Actors.Runtime.Transport.Tests.Support;
using Actors.Transport;

namespace Actors.Runtime.Transport.Tests;

public sealed class WireMessageCodecTests
{
    [Fact]
    public void RoundTrip_EveryField_IsPreserved()
    {
        var message = TestMessages.Full();

        var decoded = Frames.Decode(Frames.Encode(message));

        WireAssert.Equal(message, decoded);
    }

    [Fact]
    public void RoundTrip_NoOptionalFields_CostsOnlyTheFixedHeader_AndReadsBackAbsent()
    {
        var message = new WireMessage { Kind = WireMessageKind.Ping, CorrelationId = 7 };

        var frame = Frames.Encode(message);
        var decoded = Frames.Decode(frame);

        Assert.Equal(WireMessageCodec.LengthPrefixBytes + WireMessageCodec.MinimumPayloadBytes, frame.Length);
        WireAssert.Equal(message, decoded);
        Assert.True(decoded.TargetGrain.IsDefault);
        Assert.True(decoded.SendingGrain.IsDefault);
        Assert.Null(decoded.TargetSilo);
        Assert.Null(decoded.SendingSilo);
        Assert.Null(decoded.InterfaceName);
        Assert.Null(decoded.MethodSignature);
        Assert.Null(decoded.CallChain);
        Assert.Null(decoded.TraceParent);
        Assert.Null(decoded.CacheInvalidations);
        Assert.True(decoded.Body.IsEmpty);
    }

    [Fact]
    public void RoundTrip_EmptyStringsAndArrays_StayEmptyNotAbsent()
    {
        var message = new WireMessage
        {
            Kind = WireMessageKind.SystemRequest,
            InterfaceName = string.Empty,
            TraceParent = string.Empty,
            CallChain = [],
            CacheInvalidations = [],
        };

        var decoded = Frames.Decode(Frames.Encode(message));

        Assert.Equal(string.Empty, decoded.InterfaceName);
        Assert.Equal(string.Empty, decoded.TraceParent);
        Assert.NotNull(decoded.CallChain);
        Assert.Empty(decoded.CallChain);
        Assert.NotNull(decoded.CacheInvalidations);
        Assert.Empty(decoded.CacheInvalidations);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(3 * 1024 * 1024)]
    public void RoundTrip_BodiesOfAnySize_ArePreserved(int bodyBytes)
    {
        var message = TestMessages.Full(bodyBytes);

        var decoded = Frames.Decode(Frames.Encode(message));

        WireAssert.Equal(message, decoded);
    }

    [Fact]
    public void TryRead_Body_IsACopyThatOutlivesTheReceiveBuffer()
    {
        var frame = Frames.Encode(TestMessages.Request(1, bodyBytes: 64));
        var expected = TestMessages.Request(1, bodyBytes: 64).Body.ToArray();

        var decoded = Frames.Decode(frame);
        Array.Fill(frame, (byte)0xEE);

        Assert.Equal(expected, decoded.Body.ToArray());
    }

    [Fact]
    public void TryRead_FrameSplitAtEveryByteBoundary_StillParses()
    {
        var message = TestMessages.Full(bodyBytes: 40);
        var frame = Frames.Encode(message);

        for (var cut = 1; cut < frame.Length; cut++)
        {
            var buffer = Segments.Split(frame, cut);
            Assert.True(WireMessageCodec.TryRead(ref buffer, 1 << 20, out var decoded), $"cut at {cut}");
            WireAssert.Equal(message, decoded);
            Assert.True(buffer.IsEmpty);
        }

        var everyByte = Segments.EveryByte(frame);
        Assert.True(WireMessageCodec.TryRead(ref everyByte, 1 << 20, out var fromSingleBytes));
        WireAssert.Equal(message, fromSingleBytes);
    }

    [Fact]
    public void TryRead_BigFrameOverManySegments_Parses()
    {
        var message = TestMessages.Full(bodyBytes: 1024 * 1024 + 3);
        var frame = Frames.Encode(message);
        var buffer = Segments.Split(frame, Enumerable.Range(1, frame.Length / 4096).Select(i => i * 4096 - 1).ToArray());

        Assert.True(WireMessageCodec.TryRead(ref buffer, 16 << 20, out var decoded));

        WireAssert.Equal(message, decoded);
    }

    [Fact]
    public void TryRead_EnvelopeLargerThan64KiBOverManySegments_Parses()
    {
        // A call chain of ~200 KB makes the envelope itself span far beyond the first copied part of the payload.
        var message = TestMessages.Full(bodyBytes: 100_000);
        message.CallChain = Enumerable.Range(0, 10_000).Select(i => new WireCallChainEntry(new GrainId(new GrainType("g"), "key-" + i), i)).ToArray();
        var frame = Frames.Encode(message);
        var buffer = Segments.Split(frame, Enumerable.Range(1, frame.Length / 5000).Select(i => i * 5000).ToArray());

        Assert.True(WireMessageCodec.TryRead(ref buffer, 16 << 20, out var decoded));

        Assert.True(frame.Length - 100_000 > 64 * 1024, $"the envelope is only {frame.Length - 100_000} bytes");
        WireAssert.Equal(message, decoded);
    }

    [Fact]
    public void TryRead_TruncatedFrame_ReturnsFalse_AndLeavesTheBufferUntouched()
    {
        var frame = Frames.Encode(TestMessages.Full(bodyBytes: 40));

        for (var length = 0; length < frame.Length; length++)
        {
            var buffer = Segments.Split(frame[..length], length / 2 is var half && half > 0 && half < length ? [half] : []);
            var before = buffer;

            Assert.False(WireMessageCodec.TryRead(ref buffer, 1 << 20, out var message), $"prefix of {length} bytes");
            Assert.Null(message);
            Assert.Equal(before.Length, buffer.Length);
            Assert.Equal(before.Start, buffer.Start);
        }
    }

    [Fact]
    public void TryRead_BackToBackFrames_ConsumesOneAtATime()
    {
        var first = TestMessages.Request(1);
        var second = TestMessages.Full();
        var bytes = Frames.Encode(first).Concat(Frames.Encode(second)).ToArray();
        var buffer = Segments.Split(bytes, 3, bytes.Length - 3);

        Assert.True(WireMessageCodec.TryRead(ref buffer, 1 << 20, out var one));
        Assert.True(WireMessageCodec.TryRead(ref buffer, 1 << 20, out var two));
        Assert.False(WireMessageCodec.TryRead(ref buffer, 1 << 20, out _));

        WireAssert.Equal(first, one);
        WireAssert.Equal(second, two);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void TryRead_LengthPrefixAboveTheLimit_Throws_BeforeThePayloadArrives()
    {
        var frame = Frames.Encode(TestMessages.Request(1, bodyBytes: 2000));
        var onlyTheBeginning = new ReadOnlySequence<byte>(frame, 0, 10);

        var error = Assert.Throws<WireProtocolException>(() => WireMessageCodec.TryRead(ref onlyTheBeginning, 1024, out _));

        Assert.Contains("exceeds the limit of 1024 bytes", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[]> MalformedFrames()
    {
        byte[] header = [(byte)WireMessageKind.Request, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0];
        return new TheoryData<string, byte[]>
        {
            { "payload shorter than the fixed header", Frames.WithPayload(1, 0, 0) },
            { "unknown kind 0", Frames.WithPayload([0, .. header[1..]]) },
            { "unknown kind 200", Frames.WithPayload([200, .. header[1..]]) },
            { "unknown presence bit", Frames.WithPayload([.. header[..2], 0x00, 0x80, .. header[4..]]) },
            { "trailing bytes", Frames.WithPayload([.. header, 0xFF]) },
            { "interface name runs past the end", Frames.WithPayload([.. header[..2], 0x10, 0x00, .. header[4..], 10, (byte)'a']) },
            { "interface name is not UTF-8", Frames.WithPayload([.. header[..2], 0x10, 0x00, .. header[4..], 2, 0xC3, 0x28]) },
            { "variable-length integer overflows", Frames.WithPayload([.. header[..2], 0x10, 0x00, .. header[4..], 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]) },
            { "grain type with a slash", Frames.WithPayload([.. header[..2], 0x01, 0x00, .. header[4..], 3, (byte)'a', (byte)'/', (byte)'b', 0]) },
            { "grain key without a type", Frames.WithPayload([.. header[..2], 0x01, 0x00, .. header[4..], 0, 1, (byte)'k']) },
            { "silo of unknown address family", Frames.WithPayload([.. header[..2], 0x04, 0x00, .. header[4..], 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) },
            { "call chain count larger than the frame", Frames.WithPayload([.. header[..2], 0x80, 0x00, .. header[4..], 0xFF, 0xFF, 0x03]) },
            { "body length larger than the frame", Frames.WithPayload([.. header[..2], 0x00, 0x08, .. header[4..], 0x80, 0x01]) },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedFrames))]
    public void TryRead_MalformedFrame_ThrowsWireProtocolException(string what, byte[] frame)
    {
        var buffer = new ReadOnlySequence<byte>(frame);

        var error = Record.Exception(() => WireMessageCodec.TryRead(ref buffer, 1 << 20, out _));

        Assert.True(error is WireProtocolException, $"{what}: expected a WireProtocolException, got {error?.GetType().Name ?? "none"}");
    }

    [Fact]
    public void TryRead_RandomGarbage_NeverThrowsAnythingButWireProtocolException()
    {
        // A valid frame mutated at random: every outcome must be a message or a protocol error, never a crash.
        var random = new Random(1234);
        var valid = Frames.Encode(TestMessages.Full(bodyBytes: 20));
        var parsed = 0;
        for (var round = 0; round < 5000; round++)
        {
            var frame = (byte[])valid.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                frame[random.Next(4, frame.Length)] = (byte)random.Next(256);
            }

            var buffer = new ReadOnlySequence<byte>(frame);
            try
            {
                parsed += WireMessageCodec.TryRead(ref buffer, 1 << 20, out _) ? 1 : 0;
            }
            catch (WireProtocolException)
            {
            }
        }

        Assert.InRange(parsed, 1, 4999);
    }

    [Fact]
    public void Write_SmallMessage_AllocatesNothing()
    {
        var message = TestMessages.Request(99);
        message.SendingSilo = TestMessages.Silo();
        message.CallChain = [new WireCallChainEntry(new GrainId(new GrainType("a"), "b"), 3)];
        var output = new ArrayBufferWriter<byte>(4096);
        for (var i = 0; i < 100; i++)
        {
            output.ResetWrittenCount();
            WireMessageCodec.Write(message, output);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            output.ResetWrittenCount();
            WireMessageCodec.Write(message, output);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void TryRead_RepeatedNamesAndSilos_AreSharedNotReallocated()
    {
        var first = Frames.Decode(Frames.Encode(TestMessages.Full()));
        var second = Frames.Decode(Frames.Encode(TestMessages.Full()));

        Assert.Same(first.InterfaceName, second.InterfaceName);
        Assert.Same(first.MethodSignature, second.MethodSignature);
        Assert.Same(first.TargetSilo, second.TargetSilo);
        Assert.Same(first.TargetGrain.Key, second.TargetGrain.Key);
    }

    [Fact]
    public void ToString_NamesKindCorrelationAndTarget()
    {
        var text = TestMessages.Request(5).ToString();

        Assert.Contains("Request #5", text, StringComparison.Ordinal);
        Assert.Contains("counter/k5", text, StringComparison.Ordinal);
        Assert.Contains("ICounterGrain.IncrementAsync()", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Ipv4AndIpv6Silos_RoundTripWithTheirFamilies()
    {
        var message = new WireMessage
        {
            Kind = WireMessageKind.Pong,
            TargetSilo = new SiloAddress(new IPEndPoint(IPAddress.Parse("10.1.2.3"), 65535), 0),
            SendingSilo = new SiloAddress(new IPEndPoint(IPAddress.IPv6Loopback, 1), -1),
        };

        var decoded = Frames.Decode(Frames.Encode(message));

        Assert.Equal(message.TargetSilo, decoded.TargetSilo);
        Assert.Equal(message.SendingSilo, decoded.SendingSilo);
    }
}
