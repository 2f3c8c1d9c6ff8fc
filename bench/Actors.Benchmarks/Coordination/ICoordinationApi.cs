namespace Actors.Benchmarks.Coordination;

/// <summary>
/// The few coordination calls the benchmark makes, as one side offers them over HTTP: etcd's JSON gateway or the
/// silo's REST API. A refused call throws <see cref="CoordinationCallException"/>.
/// </summary>
internal interface ICoordinationApi : IDisposable
{
    /// <summary>"etcd" or "actors", for the printed figures.</summary>
    string Name { get; }

    /// <summary>A new session (etcd: lease) with a 30 s TTL; its id.</summary>
    Task<string> CreateSessionAsync(CancellationToken cancellationToken);

    /// <summary>Ends <paramref name="session"/> (etcd: revokes the lease) at once instead of letting it expire.</summary>
    Task CloseSessionAsync(string session, CancellationToken cancellationToken);

    /// <summary>Acquires lock <paramref name="name"/> for <paramref name="session"/>; what releasing it needs (etcd: the lock key, ours: the token).</summary>
    Task<string> LockAsync(string name, string session, CancellationToken cancellationToken);

    /// <summary>Releases what <see cref="LockAsync"/> granted.</summary>
    Task UnlockAsync(string name, string session, string grant, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/>, answered once durable.</summary>
    Task PutAsync(string key, byte[] value, CancellationToken cancellationToken);

    /// <summary>Opens a watch on every key starting with <paramref name="prefix"/>; returns once the server answered.</summary>
    Task<WatchStream> WatchAsync(string prefix, CancellationToken cancellationToken);
}
