using System.Buffers;
using System.Buffers.Binary;
using Actors.Transport;

namespace Actors.Runtime.Transport.Tests.Support;

/// <summary>Encodes messages and handshakes to byte arrays.</summary>
internal static class Frames
{
    public static byte[] Encode(WireMessage message)
    {
        var output = new ArrayBufferWriter<byte>();
        WireMessageCodec.Write(message, output);
        return output.WrittenSpan.ToArray();
    }

    public static byte[] Encode(ConnectionPreamble preamble)
    {
        var output = new ArrayBufferWriter<byte>();
        ConnectionPreambleCodec.Write(preamble, output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A frame with the given raw payload behind a correct length prefix.</summary>
    public static byte[] WithPayload(params byte[] payload)
    {
        var frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, payload.Length);
        payload.CopyTo(frame, 4);
        return frame;
    }

    public static WireMessage Decode(byte[] frame, int maxFrameBytes = 16 * 1024 * 1024)
    {
        var buffer = new ReadOnlySequence<byte>(frame);
        Assert.True(WireMessageCodec.TryRead(ref buffer, maxFrameBytes, out var message));
        Assert.True(buffer.IsEmpty);
        return message;
    }
}
