namespace Actors.Runtime.PostgreSql;

/// <summary>
/// Stable log event ids of the PostgreSQL providers, in the range 1900-1999 (next to the runtime's areas in
/// Actors.Runtime.Diagnostics.RuntimeEventIds), so logs can be filtered and alerted on by id.
/// </summary>
internal static class PostgreSqlEventIds
{
    public const int SchemaMigrationApplied = 1900;
    public const int SchemaUpToDate = 1901;
    public const int SchemaMigrated = 1902;
    public const int SchemaNewerThanSilo = 1903;
}
