namespace Actors.Silo.Hosting;

/// <summary>Where the silo keeps grain state and reminders.</summary>
public enum StorageProvider
{
    /// <summary>Process memory: the embedded default for one silo; everything is lost at exit.</summary>
    Memory,

    /// <summary>PostgreSQL: durable, and required for a cluster of several silos.</summary>
    PostgreSql,
}
