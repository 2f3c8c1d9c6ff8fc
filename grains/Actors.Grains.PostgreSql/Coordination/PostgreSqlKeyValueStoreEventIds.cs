namespace Actors.Grains.PostgreSql.Coordination;

/// <summary>Stable log event ids of the PostgreSQL key/value store, 7360-7369 (the grain's are 7350-7359).</summary>
internal static class PostgreSqlKeyValueStoreEventIds
{
    public const int Started = 7360;
    public const int BatchFailed = 7361;
    public const int SchemaFailed = 7362;
}
