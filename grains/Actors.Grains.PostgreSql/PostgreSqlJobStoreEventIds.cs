namespace Actors.Grains.PostgreSql;

/// <summary>
/// Stable log event ids of the PostgreSQL job store, 7110-7199 (7100-7109 are the in-memory store's, in
/// Actors.Grains), so logs can be filtered and alerted on by id.
/// </summary>
internal static class PostgreSqlJobStoreEventIds
{
    public const int Started = 7110;
    public const int BatchRejected = 7111;
    public const int WriteRejected = 7112;
    public const int BatchFailed = 7113;
    public const int SchemaFailed = 7114;
}
