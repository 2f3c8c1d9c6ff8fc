using System.Buffers.Binary;
using Actors.Containers.Docker.Streams;

namespace Actors.Containers.Docker.Tests.Support;

/// <summary>Builds the engine's multiplexed frames and reads them back through the reader under test.</summary>
internal static class Frames
{
    public static byte[] Frame(MultiplexedStreamKind kind, ReadOnlySpan<byte> payload) => Header((byte)kind, (uint)payload.Length).Concat(payload.ToArray()).ToArray();

    public static byte[] Header(byte kind, uint length)
    {
        var header = new byte[MultiplexedStreamReader.HeaderSize];
        header[0] = kind;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), length);
        return header;
    }

    public static byte[] Join(params byte[][] parts) => [.. parts.SelectMany(part => part)];

    /// <summary>Reads the stream to its end with a buffer of <paramref name="bufferSize"/>, separating the streams and recording every chunk.</summary>
    public static async Task<(byte[] Stdout, byte[] Stderr, List<MultiplexedChunk> Chunks)> ReadAllAsync(Stream stream, int bufferSize = 4096)
    {
        var reader = new MultiplexedStreamReader(stream);
        var buffer = new byte[bufferSize];
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var chunks = new List<MultiplexedChunk>();
        while (true)
        {
            var chunk = await reader.ReadAsync(buffer, TestContext.Current.CancellationToken);
            if (chunk.IsEnd)
            {
                return (stdout.ToArray(), stderr.ToArray(), chunks);
            }

            chunks.Add(chunk);
            (chunk.Kind == MultiplexedStreamKind.Stderr ? stderr : stdout).Write(buffer, 0, chunk.Count);
        }
    }
}
