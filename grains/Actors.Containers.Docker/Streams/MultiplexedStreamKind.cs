namespace Actors.Containers.Docker.Streams;

/// <summary>The stream a frame of the engine's multiplexed attach stream belongs to (the first byte of its header).</summary>
internal enum MultiplexedStreamKind : byte
{
    /// <summary>Echoed stdin; the engine's own demultiplexer writes it to stdout.</summary>
    Stdin = 0,

    /// <summary>The container's stdout.</summary>
    Stdout = 1,

    /// <summary>The container's stderr.</summary>
    Stderr = 2,

    /// <summary>An error the engine itself reports inside the stream.</summary>
    SystemError = 3,
}
