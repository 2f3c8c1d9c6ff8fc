namespace Actors.Containers.Docker.Streams;

/// <summary>
/// Part of one frame's payload, read into the caller's buffer: <see cref="Count"/> bytes of stream <see cref="Kind"/>.
/// A count of 0 means the stream ended cleanly at a frame boundary.
/// </summary>
internal readonly record struct MultiplexedChunk(MultiplexedStreamKind Kind, int Count)
{
    /// <summary>The chunk that marks the end of the stream.</summary>
    public static MultiplexedChunk End => default;

    /// <summary>Whether the stream has ended.</summary>
    public bool IsEnd => Count == 0;
}
