namespace Actors.Grains.PostgreSql;

/// <summary>
/// Where the PostgreSQL job store keeps jobs and how it batches writes. Validated when the host starts
/// (<see cref="PostgreSqlJobStoreOptionsValidator"/>).
/// </summary>
public sealed class PostgreSqlJobStoreOptions
{
    /// <summary>
    /// An Npgsql connection string. Required for AddPostgreSqlJobStore (which sets it); ignored by a store built on a
    /// given data source. When it equals the cluster database's (UsePostgreSql), the store shares that data source.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The most writes one round trip carries (1 to 4096). Default 256.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>
    /// How many batches may be in flight at once, each on its own connection (1 to 64, and below the connection
    /// pool's size so reads still get connections). Default 4.
    /// </summary>
    public int Writers { get; set; } = 4;

    /// <summary>
    /// The most writes waiting for a batch (at least <see cref="BatchSize"/>, at most 1,000,000); callers beyond it
    /// wait for room. Default 4096.
    /// </summary>
    public int MaxPendingWrites { get; set; } = 4096;

    /// <summary>
    /// A batch stops growing once its rows and blobs reach about this many bytes (64 KiB to 256 MiB), so a few large
    /// blobs travel alone rather than in one huge round trip; a single larger write still goes, alone. Default 8 MiB.
    /// </summary>
    public long MaxBatchBytes { get; set; } = 8 * 1024 * 1024;
}
