namespace Actors.Runtime.PostgreSql;

/// <summary>
/// Marks one registered PostgreSQL data source (by service key) whose schema the silo migrates at start.
/// Registered once per UsePostgreSql or AddPostgreSqlGrainStorage call.
/// </summary>
internal sealed record PostgreSqlDatabaseRegistration(string ServiceKey);
