namespace Actors.Grains.PostgreSql.Coordination;

/// <summary>Where the PostgreSQL key/value store keeps its keys, and how it batches commits.</summary>
public sealed class PostgreSqlKeyValueStoreOptions
{
    /// <summary>An Npgsql connection string (required by AddPostgreSqlKeyValueStore; ignored by a store built on a given data source).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The most changes one commit carries (1 to 4096). Default 512.</summary>
    public int BatchSize { get; set; } = 512;

    /// <summary>The history of how many of the latest revisions is kept for watches (1 to 100,000,000). Default 100,000.</summary>
    public long HistoryRetention { get; set; } = 100_000;

    /// <summary>The first setting out of range, or null.</summary>
    internal string? Validate() => this switch
    {
        { BatchSize: < 1 or > 4096 } => $"The key/value store's BatchSize must be 1 to 4096; it is {BatchSize}.",
        { HistoryRetention: < 1 or > 100_000_000 } => $"The key/value store's HistoryRetention must be 1 to 100,000,000; it is {HistoryRetention}.",
        _ => null,
    };
}
