using System.Buffers;

namespace Actors.Runtime.Transport.Tests.Support;

/// <summary>Builds multi-segment byte sequences, as a pipe hands them out when a frame spans buffers.</summary>
internal static class Segments
{
    /// <summary>Splits <paramref name="bytes"/> at the given offsets (ascending) into separate segments.</summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, params int[] cuts)
    {
        var bounds = cuts.Prepend(0).Append(bytes.Length).ToArray();
        Segment? first = null;
        Segment? last = null;
        for (var i = 0; i < bounds.Length - 1; i++)
        {
            // Each segment gets its own array, so nothing can be read across a boundary by accident.
            var piece = bytes.AsSpan(bounds[i], bounds[i + 1] - bounds[i]).ToArray();
            last = last is null ? first = new Segment(piece, 0) : last.Append(piece);
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    /// <summary>Every byte in a segment of its own.</summary>
    public static ReadOnlySequence<byte> EveryByte(byte[] bytes) => Split(bytes, Enumerable.Range(1, bytes.Length - 1).ToArray());

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
