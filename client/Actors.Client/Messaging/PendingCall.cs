using Actors.Client.Connections;
using Actors.Serialization;

namespace Actors.Client.Messaging;

/// <summary>
/// A request the client waits on (a grain call or a system request), by correlation id in the <see cref="CallRegistry"/>.
/// Whoever takes it out of the registry completes it, so it completes exactly once: response, error, deadline,
/// cancellation, lost connection or disposal.
/// </summary>
internal abstract class PendingCall
{
    private GatewayConnection? _connection;
    private int _completed;

    protected PendingCall(long id, long deadlineTimestamp, TimeSpan timeout)
    {
        Id = id;
        DeadlineTimestamp = deadlineTimestamp;
        Timeout = timeout;
    }

    public long Id { get; }

    /// <summary>TimeProvider timestamp after which the caller stops waiting.</summary>
    public long DeadlineTimestamp { get; }

    public TimeSpan Timeout { get; }

    /// <summary>The connection the request was sent on; null while it waits for one.</summary>
    public GatewayConnection? Connection => Volatile.Read(ref _connection);

    public bool IsCompleted => Volatile.Read(ref _completed) != 0;

    /// <summary>Records the connection the request goes out on; the call holds one use of it until it completes.</summary>
    public void AttachConnection(GatewayConnection connection)
    {
        Interlocked.Exchange(ref _connection, connection);

        // Completion releases what it sees attached; if it ran first, release here (the exchange makes one of us see the other).
        if (IsCompleted)
        {
            ReleaseConnection();
        }
    }

    /// <summary>Gives back the use of the connection (once).</summary>
    public void ReleaseConnection() => Interlocked.Exchange(ref _connection, null)?.Exit();

    /// <summary>Completes with a serialized result (or a system response's body).</summary>
    public void Complete(ReadOnlyMemory<byte> body, ISerializer serializer)
    {
        MarkCompleted();
        OnCompleted(body, serializer);
        ReleaseConnection();
    }

    /// <summary>Completes with an exception.</summary>
    public void Fail(Exception exception)
    {
        MarkCompleted();
        OnFailed(exception);
        ReleaseConnection();
    }

    /// <summary>What the call is, for errors: method and grain.</summary>
    public abstract string Describe();

    protected abstract void OnCompleted(ReadOnlyMemory<byte> body, ISerializer serializer);

    protected abstract void OnFailed(Exception exception);

    private void MarkCompleted() => Interlocked.Exchange(ref _completed, 1);
}
