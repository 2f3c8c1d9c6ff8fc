using System.Buffers;
using System.Net;
using Actors.Runtime.Transport.Tests.Support;
using Actors.Transport;

namespace Actors.Runtime.Transport.Tests;

public sealed class ConnectionPreambleCodecTests
{
    public static TheoryData<ConnectionPreamble> Preambles() =>
    [
        TestMessages.SiloPreamble(),
        TestMessages.ClientPreamble("clïent-✓"),
        new ConnectionPreamble(ConnectionRole.Silo, "ünïcode", new SiloAddress(new IPEndPoint(IPAddress.IPv6Loopback, 30000), 5), null),
        new ConnectionPreamble(ConnectionRole.Client, string.Empty, null, null),
        new ConnectionPreamble(ConnectionRole.Silo, "both", TestMessages.Silo(), "gateway-client"),
    ];

    [Theory]
    [MemberData(nameof(Preambles))]
    public void RoundTrip_Preamble_IsPreserved(ConnectionPreamble preamble)
    {
        var buffer = Segments.EveryByte(Frames.Encode(preamble));

        Assert.True(ConnectionPreambleCodec.TryRead(ref buffer, out var decoded, out var refusal));

        Assert.Equal(preamble, decoded);
        Assert.Null(refusal);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void RoundTrip_Refusal_CarriesTheReason_CutToItsLimit()
    {
        var output = new ArrayBufferWriter<byte>();
        ConnectionPreambleCodec.WriteRefusal("cluster id 'a' is not 'b'", output);
        ConnectionPreambleCodec.WriteRefusal(new string('x', 5000), output);
        var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);

        Assert.True(ConnectionPreambleCodec.TryRead(ref buffer, out var preamble, out var refusal));
        Assert.True(ConnectionPreambleCodec.TryRead(ref buffer, out _, out var longRefusal));

        Assert.Null(preamble);
        Assert.Equal("cluster id 'a' is not 'b'", refusal);
        Assert.Equal(ConnectionPreambleCodec.MaxRefusalReasonLength, longRefusal!.Length);
    }

    [Fact]
    public void TryRead_TruncatedHandshake_ReturnsFalse_AndLeavesTheBufferUntouched()
    {
        var bytes = Frames.Encode(TestMessages.SiloPreamble());

        for (var length = 0; length < bytes.Length; length++)
        {
            var buffer = new ReadOnlySequence<byte>(bytes, 0, length);

            Assert.False(ConnectionPreambleCodec.TryRead(ref buffer, out _, out _), $"prefix of {length} bytes");
            Assert.Equal(length, buffer.Length);
        }
    }

    [Fact]
    public void TryRead_LeavesTheFramesAfterTheHandshake()
    {
        var frame = Frames.Encode(TestMessages.Request(3));
        var buffer = new ReadOnlySequence<byte>([.. Frames.Encode(TestMessages.ClientPreamble()), .. frame]);

        Assert.True(ConnectionPreambleCodec.TryRead(ref buffer, out _, out _));

        Assert.Equal(frame, buffer.ToArray());
    }

    [Fact]
    public void TryRead_BadMagic_IsRejectedAtTheFirstWrongByte()
    {
        var buffer = new ReadOnlySequence<byte>("G"u8.ToArray());

        var error = Assert.Throws<WireProtocolException>(() => ConnectionPreambleCodec.TryRead(ref buffer, out _, out _));

        Assert.Contains("bad magic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_OtherProtocolVersion_IsRejected()
    {
        var bytes = Frames.Encode(TestMessages.SiloPreamble());
        bytes[4] = 2;
        var buffer = new ReadOnlySequence<byte>(bytes);

        var error = Assert.Throws<WireProtocolException>(() => ConnectionPreambleCodec.TryRead(ref buffer, out _, out _));

        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9, 3)]
    [InlineData(8, 7)]
    [InlineData(10, 0)]
    public void TryRead_UnknownKindRoleOrPresence_IsRejected(int offset, byte value)
    {
        // Offsets after the 8-byte header: 8 = kind, 9 = role, 10 = presence.
        var bytes = Frames.Encode(TestMessages.SiloPreamble());
        bytes[offset] = value == 0 ? (byte)0x80 : value;
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.Throws<WireProtocolException>(() => ConnectionPreambleCodec.TryRead(ref buffer, out _, out _));
    }

    [Fact]
    public void Write_OversizePreamble_IsRefused()
    {
        var preamble = new ConnectionPreamble(ConnectionRole.Client, new string('c', ConnectionPreambleCodec.MaxPayloadBytes), null, null);

        Assert.Throws<ArgumentException>(() => ConnectionPreambleCodec.Write(preamble, new ArrayBufferWriter<byte>()));
    }
}
