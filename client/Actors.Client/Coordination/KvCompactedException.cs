namespace Actors.Client.Coordination;

/// <summary>A watch asked for revisions older than the store's retained history (etcd's "compacted").</summary>
public sealed class KvCompactedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KvCompactedException()
        : base("The requested revision is compacted.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public KvCompactedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public KvCompactedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The newest revision that is gone; resume from the one after it.</summary>
    public long CompactedRevision { get; init; }
}
