namespace Actors.Runtime.PostgreSql;

/// <summary>
/// Where a PostgreSQL provider's database is. Named options: <see cref="ClusterDatabase"/> for the cluster's
/// database (<c>UsePostgreSql</c>), one more name per extra grain storage (<c>AddPostgreSqlGrainStorage</c>).
/// Validated when the silo starts.
/// </summary>
public sealed class PostgreSqlOptions
{
    /// <summary>
    /// The options name, and the service key of the <see cref="Npgsql.NpgsqlDataSource"/>, of the cluster's database:
    /// the one default grain storage, reminders and later cluster tables share.
    /// </summary>
    public const string ClusterDatabase = "Actors.PostgreSql.Cluster";

    internal const string GrainStoragePrefix = "Actors.PostgreSql.GrainStorage.";

    /// <summary>
    /// An Npgsql connection string (for example <c>Host=127.0.0.1;Port=5432;Username=actors;Database=actors</c>).
    /// Required; no default. Pooling settings in it apply to the one data source built from it.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The options name and data source service key of the grain storage named <paramref name="storageName"/>.</summary>
    public static string GrainStorageDatabase(string storageName) => GrainStoragePrefix + storageName;
}
