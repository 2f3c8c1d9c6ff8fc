using Actors.GrainInterfaces.Coordination.KeyValue;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Grains.PostgreSql.Coordination;

/// <summary>
/// One commit of consecutive key/value changes as one <see cref="NpgsqlBatch"/> (one round trip, one implicit
/// transaction): advance the revision (fails unless it is still the one before the first change), upsert and delete
/// the keys' final states, insert the history rows, delete history older than the retention.
/// </summary>
internal static class KeyValueCommitBatch
{
    private const string AdvanceSql = "SELECT actors_kv_advance($1, $2)";

    private const string UpsertSql = """
        INSERT INTO actors_kv_keys (key, value, create_revision, mod_revision, version, session_id)
        SELECT * FROM unnest($1::text[], $2::bytea[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[])
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, create_revision = excluded.create_revision,
            mod_revision = excluded.mod_revision, version = excluded.version, session_id = excluded.session_id
        """;

    private const string DeleteSql = "DELETE FROM actors_kv_keys WHERE key = ANY($1)";

    private const string HistorySql = """
        INSERT INTO actors_kv_history (revision, type, key, value, create_revision, mod_revision, version, session_id)
        SELECT * FROM unnest($1::bigint[], $2::smallint[], $3::text[], $4::bytea[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[])
        """;

    private const string CompactSql = "DELETE FROM actors_kv_history WHERE revision <= $1";

    public static NpgsqlBatch Build(NpgsqlConnection connection, IReadOnlyList<KvEvent> changes, long historyRetention)
    {
        var batch = new NpgsqlBatch(connection);
        var first = changes[0].Revision;
        var last = changes[^1].Revision;
        batch.BatchCommands.Add(Command(AdvanceSql, P(NpgsqlDbType.Bigint, first - 1), P(NpgsqlDbType.Bigint, last)));

        // The keys' final states: a key changed twice in one batch is written once, as it ends.
        var final = new Dictionary<string, KvEvent>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            final[change.Key] = change;
        }

        var puts = final.Values.Where(static c => c.Entry is not null).Select(static c => c.Entry!).ToList();
        if (puts.Count > 0)
        {
            batch.BatchCommands.Add(Command(
                UpsertSql,
                P(NpgsqlDbType.Array | NpgsqlDbType.Text, puts.Select(static e => e.Key).ToArray()),
                P(NpgsqlDbType.Array | NpgsqlDbType.Bytea, puts.Select(static e => e.Value).ToArray()),
                P(NpgsqlDbType.Array | NpgsqlDbType.Bigint, puts.Select(static e => e.CreateRevision).ToArray()),
                P(NpgsqlDbType.Array | NpgsqlDbType.Bigint, puts.Select(static e => e.ModRevision).ToArray()),
                P(NpgsqlDbType.Array | NpgsqlDbType.Bigint, puts.Select(static e => e.Version).ToArray()),
                P(NpgsqlDbType.Array | NpgsqlDbType.Text, puts.Select(static e => e.SessionId).ToArray())));
        }

        var deletes = final.Values.Where(static c => c.Entry is null).Select(static c => c.Key).ToArray();
        if (deletes.Length > 0)
        {
            batch.BatchCommands.Add(Command(DeleteSql, P(NpgsqlDbType.Array | NpgsqlDbType.Text, deletes)));
        }

        batch.BatchCommands.Add(Command(
            HistorySql,
            P(NpgsqlDbType.Array | NpgsqlDbType.Bigint, changes.Select(static c => c.Revision).ToArray()),
            P(NpgsqlDbType.Array | NpgsqlDbType.Smallint, changes.Select(static c => (short)c.Type).ToArray()),
            P(NpgsqlDbType.Array | NpgsqlDbType.Text, changes.Select(static c => c.Key).ToArray()),
            P(NpgsqlDbType.Array | NpgsqlDbType.Bytea, changes.Select(static c => c.Entry?.Value).ToArray()),
            P(NpgsqlDbType.Array | NpgsqlDbType.Bigint, changes.Select(static c => c.Entry?.CreateRevision).ToArray()),
            P(NpgsqlDbType.Array | NpgsqlDbType.Bigint, changes.Select(static c => c.Entry?.ModRevision).ToArray()),
            P(NpgsqlDbType.Array | NpgsqlDbType.Bigint, changes.Select(static c => c.Entry?.Version).ToArray()),
            P(NpgsqlDbType.Array | NpgsqlDbType.Text, changes.Select(static c => c.Entry?.SessionId).ToArray())));

        if (last - historyRetention > 0)
        {
            batch.BatchCommands.Add(Command(CompactSql, P(NpgsqlDbType.Bigint, last - historyRetention)));
        }

        return batch;
    }

    /// <summary>A history row (the columns of <see cref="HistorySql"/>, in order) as a change.</summary>
    public static KvEvent ReadHistoryRow(NpgsqlDataReader reader)
    {
        var revision = reader.GetInt64(0);
        var type = (KvEventType)reader.GetInt16(1);
        var key = reader.GetString(2);
        var entry = type == KvEventType.Put
            ? new KvEntry(key, reader.GetFieldValue<byte[]>(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetString(7))
            : null;
        return new KvEvent(revision, type, key, entry);
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter P(NpgsqlDbType type, object? value) => new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };
}
