using Microsoft.Extensions.Logging;
using Npgsql;

namespace Actors.Runtime.PostgreSql;

/// <summary>
/// Brings a database's schema up to the newest migration of one <see cref="SchemaMigrationTrack"/> (the runtime's,
/// unless told otherwise). Safe to run from every silo at once: the whole run is one transaction under a
/// transaction-scoped advisory lock, so one silo applies the missing versions while the others wait and then find
/// nothing to do; a failing migration rolls everything back.
/// </summary>
/// <remarks>
/// Applied versions are recorded in the track's history table (<c>actors_schema_migrations</c> for the runtime); a
/// version is never applied twice. Every track takes the same lock, so tracks migrating one database take turns.
/// </remarks>
public sealed partial class SchemaMigrator
{
    /// <summary>
    /// The advisory lock every migrator of this schema takes: "Actors" in ASCII, then 1. Advisory locks are per
    /// database, so migrations of different databases on one server do not wait for each other.
    /// </summary>
    internal const long AdvisoryLockKey = 0x4163_746F_7273_0001;

    private const string LockSql = "SELECT pg_advisory_xact_lock($1)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<SchemaMigrator> _logger;
    private readonly SchemaMigrationTrack _track;
    private readonly string _database;
    private readonly string _createHistorySql;
    private readonly string _readHistorySql;
    private readonly string _recordSql;

    /// <summary>Creates a migrator of the runtime's schema in the database <paramref name="dataSource"/> connects to.</summary>
    public SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
        : this(dataSource, SchemaMigrationTrack.Runtime, logger)
    {
    }

    /// <summary>Creates a migrator of <paramref name="track"/> in the database <paramref name="dataSource"/> connects to.</summary>
    public SchemaMigrator(NpgsqlDataSource dataSource, SchemaMigrationTrack track, ILogger<SchemaMigrator> logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(logger);
        _dataSource = dataSource;
        _logger = logger;
        _track = track;

        // The table name is a checked identifier (SchemaMigrationTrack), so it can be written into the SQL text.
        _createHistorySql = $"""
            CREATE TABLE IF NOT EXISTS {track.HistoryTable} (
                version    int         PRIMARY KEY,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """;
        _readHistorySql = $"SELECT version FROM {track.HistoryTable}";
        _recordSql = $"INSERT INTO {track.HistoryTable} (version, name) VALUES ($1, $2)";

        // Host, port and database name only: the connection string may carry a password.
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        _database = $"{settings.Host}:{settings.Port}/{settings.Database}";
    }

    /// <summary>Creates a migrator that applies <paramref name="migrations"/> (ordered, numbered from 1) instead of the runtime's embedded ones.</summary>
    internal SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger, IReadOnlyList<SchemaMigration> migrations)
        : this(dataSource, SchemaMigrationTrack.FromMigrations(SchemaMigrationTrack.Runtime.Name, migrations), logger)
    {
    }

    /// <summary>The newest version of the runtime's schema this build knows.</summary>
    public static int LatestVersion => SchemaMigrationTrack.Runtime.LatestVersion;

    /// <summary>Applies every migration of the track the database lacks, in version order, in one transaction.</summary>
    /// <returns>How many migrations this call applied (0 when the schema was already current).</returns>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Taken before anything else, the history table's creation included: two silos creating it at once
        // would otherwise collide on the catalog even with IF NOT EXISTS. Released at commit or rollback.
        await ExecuteAsync(connection, LockSql, [AdvisoryLockKey], cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, _createHistorySql, [], cancellationToken).ConfigureAwait(false);
        var applied = await ReadAppliedAsync(connection, cancellationToken).ConfigureAwait(false);

        var migrations = _track.Migrations;
        var count = 0;
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(connection, migration.Sql, [], cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, _recordSql, [migration.Version, migration.Name], cancellationToken).ConfigureAwait(false);
            Log.Applied(_logger, _track.Name, migration.Version, migration.Name, _database);
            count++;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var newest = applied.Count == 0 ? 0 : applied.Max();
        if (newest > latest)
        {
            // A newer silo upgraded the schema during a rolling upgrade; migrations must stay readable by the
            // previous version, so this silo carries on.
            Log.NewerThanSilo(_logger, _track.Name, newest, latest);
        }
        else if (count == 0)
        {
            Log.UpToDate(_logger, _track.Name, latest, _database);
        }
        else
        {
            Log.Migrated(_logger, _track.Name, count, latest, _database);
        }

        return count;
    }

    private async Task<HashSet<int>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_readHistorySql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var applied = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied.Add(reader.GetInt32(0));
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(PostgreSqlEventIds.SchemaMigrationApplied, LogLevel.Information, "Applied {Track} schema migration {Version} ({MigrationName}) to {Database}")]
        public static partial void Applied(ILogger logger, string track, int version, string migrationName, string database);

        [LoggerMessage(PostgreSqlEventIds.SchemaUpToDate, LogLevel.Information, "The {Track} schema of {Database} is up to date at version {Version}")]
        public static partial void UpToDate(ILogger logger, string track, int version, string database);

        [LoggerMessage(PostgreSqlEventIds.SchemaMigrated, LogLevel.Information, "Applied {Count} {Track} schema migrations to {Database}; now at version {Version}")]
        public static partial void Migrated(ILogger logger, string track, int count, int version, string database);

        [LoggerMessage(PostgreSqlEventIds.SchemaNewerThanSilo, LogLevel.Warning,
            "The {Track} schema is at version {DatabaseVersion}, newer than this silo's {SiloVersion}: a newer silo upgraded it; carrying on")]
        public static partial void NewerThanSilo(ILogger logger, string track, int databaseVersion, int siloVersion);
    }
}
