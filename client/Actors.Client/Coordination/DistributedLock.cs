namespace Actors.Client.Coordination;

/// <summary>
/// A held lock (or semaphore permit). Hand <see cref="Token"/> to every resource the lock protects: a resource that
/// rejects tokens lower than the highest it has seen is safe even when this holder stalls past its session. Disposing
/// releases it.
/// </summary>
public sealed class DistributedLock : IAsyncDisposable
{
    private readonly Func<Task<bool>> _release;
    private bool? _released;

    internal DistributedLock(string name, string sessionId, long token, Func<Task<bool>> release)
    {
        Name = name;
        SessionId = sessionId;
        Token = token;
        _release = release;
    }

    /// <summary>The lock's name.</summary>
    public string Name { get; }

    /// <summary>The session the grant belongs to.</summary>
    public string SessionId { get; }

    /// <summary>The fencing token: strictly greater than every earlier grant's.</summary>
    public long Token { get; }

    /// <summary>
    /// Releases the lock; false when it was no longer held (released before, or its session ended). When the call
    /// fails (the lock's silo died) the lock may still be held: call again, the grant survives the failover.
    /// </summary>
    public async Task<bool> ReleaseAsync()
    {
        if (_released is not null)
        {
            return false;
        }

        var released = await _release().ConfigureAwait(false);
        _released = released;
        return released;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await ReleaseAsync().ConfigureAwait(false);
}
