namespace Actors.Transport;

/// <summary>
/// Settings of framed connections, shared by <see cref="FramedConnector"/>, <see cref="FramedConnectionListener"/> and
/// <see cref="OutboundConnection"/>. Setters reject out-of-range values with an <see cref="ArgumentOutOfRangeException"/>
/// naming the option. Both ends of a connection should use the same <see cref="MaxFrameBytes"/>.
/// </summary>
public sealed class FramedConnectionOptions
{
    private int _sendQueueCapacity = 4096;
    private int _maxFrameBytes = 16 * 1024 * 1024;
    private TimeSpan _handshakeTimeout = TimeSpan.FromSeconds(5);
    private int _maxBatchBytes = 128 * 1024;

    /// <summary>
    /// Messages that may wait to be written; when full, <c>SendAsync</c> waits (back-pressure) and <c>TrySend</c>
    /// returns false. Default 4,096; 1 to 1,000,000.
    /// </summary>
    public int SendQueueCapacity
    {
        get => _sendQueueCapacity;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(SendQueueCapacity));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1_000_000, nameof(SendQueueCapacity));
            _sendQueueCapacity = value;
        }
    }

    /// <summary>
    /// The largest frame payload, in bytes, received or sent. A peer announcing a larger frame is a protocol error
    /// (the connection closes); a larger outgoing message is not sent but handed to <c>onUndelivered</c>.
    /// Default 16 MiB; 1 KiB to 1 GiB.
    /// </summary>
    public int MaxFrameBytes
    {
        get => _maxFrameBytes;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1024, nameof(MaxFrameBytes));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1024 * 1024 * 1024, nameof(MaxFrameBytes));
            _maxFrameBytes = value;
        }
    }

    /// <summary>
    /// How long connecting plus exchanging preambles may take, on either end; past it the attempt fails (the
    /// connector throws <see cref="TimeoutException"/>, the listener drops the socket). Default 5 s; 1 ms to 10 min.
    /// </summary>
    public TimeSpan HandshakeTimeout
    {
        get => _handshakeTimeout;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromMilliseconds(1), nameof(HandshakeTimeout));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromMinutes(10), nameof(HandshakeTimeout));
            _handshakeTimeout = value;
        }
    }

    /// <summary>
    /// The write loop encodes queued messages until this many bytes are pending, then flushes them to the socket in
    /// one go: under load many messages share a flush, while a lone message is flushed at once. Default 128 KiB;
    /// 4 KiB to 16 MiB.
    /// </summary>
    public int MaxBatchBytes
    {
        get => _maxBatchBytes;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 4096, nameof(MaxBatchBytes));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 16 * 1024 * 1024, nameof(MaxBatchBytes));
            _maxBatchBytes = value;
        }
    }
}
