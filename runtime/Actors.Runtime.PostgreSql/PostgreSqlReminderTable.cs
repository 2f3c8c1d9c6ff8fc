using System.Globalization;
using Actors.Runtime.Reminders;
using Npgsql;

namespace Actors.Runtime.PostgreSql;

/// <summary>
/// The reminder table in PostgreSQL (<c>actors_reminders</c>), scoped to one cluster, so reminders survive silo
/// and whole-cluster restarts. ETags come from one sequence and are never reused, not even after a remove.
/// </summary>
/// <remarks>
/// Start times are kept to the microsecond (PostgreSQL's precision); periods in whole milliseconds, and a period
/// with a finer part is refused rather than silently changed.
/// </remarks>
public sealed class PostgreSqlReminderTable : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at, period_ms, version";

    // Ordered by ring position, then identity: the same range reads back in the same order on every silo.
    private const string ReadAllSql = "SELECT " + Columns + " FROM actors_reminders WHERE cluster_id = $1 ORDER BY grain_hash, grain_id, reminder_name";

    private const string ReadInsideSql = "SELECT " + Columns + """
         FROM actors_reminders WHERE cluster_id = $1 AND grain_hash > $2 AND grain_hash <= $3
        ORDER BY grain_hash, grain_id, reminder_name
        """;

    // A range that wraps past zero is the two ends of the ring: (Begin, 2^32-1] and [0, End].
    private const string ReadWrappedSql = "SELECT " + Columns + """
         FROM actors_reminders WHERE cluster_id = $1 AND (grain_hash > $2 OR grain_hash <= $3)
        ORDER BY grain_hash, grain_id, reminder_name
        """;

    // COLLATE "C": ordinal order whatever the database's collation, as the in-memory table orders.
    private const string ReadGrainSql = "SELECT " + Columns + """
         FROM actors_reminders WHERE cluster_id = $1 AND grain_id = $2 ORDER BY reminder_name COLLATE "C"
        """;

    private const string ReadOneSql = "SELECT " + Columns + " FROM actors_reminders WHERE cluster_id = $1 AND grain_id = $2 AND reminder_name = $3";

    private const string UpsertSql = """
        INSERT INTO actors_reminders (cluster_id, grain_id, reminder_name, grain_hash, start_at, period_ms, version)
        VALUES ($1, $2, $3, $4, $5, $6, nextval('actors_reminder_versions'))
        ON CONFLICT (cluster_id, grain_id, reminder_name) DO UPDATE
        SET grain_hash = EXCLUDED.grain_hash, start_at = EXCLUDED.start_at, period_ms = EXCLUDED.period_ms, version = EXCLUDED.version
        RETURNING version
        """;

    private const string RemoveSql = "DELETE FROM actors_reminders WHERE cluster_id = $1 AND grain_id = $2 AND reminder_name = $3";

    private const string RemoveAtVersionSql = RemoveSql + " AND version = $4";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _clusterId;

    /// <summary>Creates the reminder table of cluster <paramref name="clusterId"/> in the database of <paramref name="dataSource"/>.</summary>
    /// <param name="dataSource">The database; its schema must be migrated (see <see cref="SchemaMigrator"/>).</param>
    /// <param name="clusterId">Scopes every row: clusters sharing a database never see each other's reminders.</param>
    public PostgreSqlReminderTable(NpgsqlDataSource dataSource, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        _dataSource = dataSource;
        _clusterId = clusterId;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(RingRange range, CancellationToken cancellationToken)
    {
        if (range.IsFull)
        {
            return ReadEntriesAsync(CreateCommand(ReadAllSql), cancellationToken);
        }

        var command = CreateCommand(range.Begin < range.End ? ReadInsideSql : ReadWrappedSql);

        // Hashes are unsigned 32-bit; as bigint they keep their ring order (as int, half of them would turn negative).
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = range.Begin });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = range.End });
        return ReadEntriesAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        var grain = GrainIdParameter(grainId);
        var command = CreateCommand(ReadGrainSql);
        command.Parameters.Add(grain);
        return ReadEntriesAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var entries = await ReadEntriesAsync(CreateKeyCommand(ReadOneSql, grainId, reminderName), cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The period is not a positive whole number of milliseconds.</exception>
    public async Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Period <= TimeSpan.Zero || entry.Period.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new ArgumentException(
                $"Reminder '{entry.ReminderName}' of {entry.GrainId} has period {entry.Period}; the reminder table stores positive whole milliseconds.",
                nameof(entry));
        }

        await using var command = CreateKeyCommand(UpsertSql, entry.GrainId, entry.ReminderName);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.GrainId.UniformHash });

        // timestamptz takes UTC only (Npgsql refuses other offsets); the instant is what matters.
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entry.StartAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.Period.Ticks / TimeSpan.TicksPerMillisecond });
        var version = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return FormatEtag(version);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(GrainId grainId, string reminderName, string? etag, CancellationToken cancellationToken)
    {
        if (etag is null)
        {
            await using var command = CreateKeyCommand(RemoveSql, grainId, reminderName);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }

        if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            // Not an ETag this table issued: it matches no stored version.
            return false;
        }

        await using var conditional = CreateKeyCommand(RemoveAtVersionSql, grainId, reminderName);
        conditional.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        return await conditional.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static async Task<IReadOnlyList<ReminderEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var entries = new List<ReminderEntry>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new ReminderEntry(
                    GrainId.Parse(reader.GetString(0)),
                    reader.GetString(1),
                    reader.GetFieldValue<DateTimeOffset>(2),
                    TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                    FormatEtag(reader.GetInt64(4))));
            }

            return entries;
        }
    }

    private NpgsqlCommand CreateCommand(string sql)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });
        return command;
    }

    private NpgsqlCommand CreateKeyCommand(string sql, GrainId grainId, string reminderName)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        var grain = GrainIdParameter(grainId);
        var command = CreateCommand(sql);
        command.Parameters.Add(grain);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName });
        return command;
    }

    private static NpgsqlParameter<string> GrainIdParameter(GrainId grainId) =>
        grainId.IsDefault
            ? throw new ArgumentException("The default GrainId names no grain.", nameof(grainId))
            : new NpgsqlParameter<string> { TypedValue = grainId.ToString() };

    private static string FormatEtag(long version) => version.ToString(CultureInfo.InvariantCulture);
}
