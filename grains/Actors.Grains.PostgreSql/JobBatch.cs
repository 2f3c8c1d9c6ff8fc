using Npgsql;
using NpgsqlTypes;

namespace Actors.Grains.PostgreSql;

/// <summary>
/// Runs a batch of claimed writes in one round trip: one <see cref="NpgsqlBatch"/>, which PostgreSQL runs as one
/// implicit transaction (all or nothing), answered only after its commit. Inserts go in one multi-row statement,
/// updates in another (compare-and-set per row), so the server parses two statements whatever the batch size.
/// </summary>
/// <remarks>
/// Several writes to one job in one batch: a second insert of an id is refused (the first one wins or meets the
/// existing row, and either way the id is taken); a second update of an id runs as its own statement after the
/// multi-row one, so each update checks the version the previous one left, as if they had run one after the other.
/// </remarks>
internal static class JobBatch
{
    private const string InsertSql = """
        INSERT INTO actors_jobs (id, status, submitter, created_at, updated_at, version, labels, body)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::bigint[], $7::jsonb[], $8::jsonb[])
        ON CONFLICT (id) DO NOTHING
        RETURNING id
        """;

    private const string UpdateManySql = """
        UPDATE actors_jobs AS j
        SET status = u.status, submitter = u.submitter, created_at = u.created_at, updated_at = u.updated_at,
            version = u.version, labels = u.labels, body = u.body
        FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::bigint[], $8::jsonb[], $9::jsonb[])
            AS u (id, expected_version, status, submitter, created_at, updated_at, version, labels, body)
        WHERE j.id = u.id AND j.version = u.expected_version
        RETURNING j.id
        """;

    private const string UpdateOneSql = """
        UPDATE actors_jobs
        SET status = $3, submitter = $4, created_at = $5, updated_at = $6, version = $7, labels = $8, body = $9
        WHERE id = $1 AND version = $2
        RETURNING id
        """;

    private const string PutBlobSql = """
        INSERT INTO actors_job_blobs (job_id, kind, attempt, data) VALUES ($1, $2, $3, $4)
        ON CONFLICT (job_id, kind, attempt) DO UPDATE SET data = EXCLUDED.data
        """;

    /// <summary>Writes <paramref name="writes"/> in one round trip on <paramref name="connection"/> and returns each one's outcome, in order.</summary>
    /// <exception cref="NpgsqlException">The batch failed; nothing of it was written.</exception>
    public static async Task<bool[]> ExecuteAsync(NpgsqlConnection connection, IReadOnlyList<JobWrite> writes, CancellationToken cancellationToken)
    {
        var outcomes = new bool[writes.Count];
        var inserts = new Dictionary<string, int>(StringComparer.Ordinal);
        var updates = new Dictionary<string, int>(StringComparer.Ordinal);
        var laterUpdates = new List<int>();
        var blobs = new List<int>();
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            switch (write.Kind)
            {
                case JobWriteKind.Insert:
                    // A repeated id stays false: the first insert of it takes the id, or the id was taken before.
                    inserts.TryAdd(write.JobId, i);
                    break;
                case JobWriteKind.Update when !updates.TryAdd(write.JobId, i):
                    laterUpdates.Add(i);
                    break;
                case JobWriteKind.Update:
                    break;
                default:
                    blobs.Add(i);
                    outcomes[i] = true;
                    break;
            }
        }

        await using var batch = new NpgsqlBatch(connection);

        // Statements that return rows come first, in this order; blob writes return none and come last.
        var returning = new List<Action<string>>();
        if (inserts.Count > 0)
        {
            batch.BatchCommands.Add(Rows(InsertSql, [.. inserts.Values.Select(i => writes[i].Row!)], expected: null));
            returning.Add(id => outcomes[inserts[id]] = true);
        }

        if (updates.Count > 0)
        {
            batch.BatchCommands.Add(Rows(UpdateManySql, [.. updates.Values.Select(i => writes[i].Row!)], [.. updates.Values.Select(i => writes[i].ExpectedVersion)]));
            returning.Add(id => outcomes[updates[id]] = true);
        }

        foreach (var i in laterUpdates)
        {
            batch.BatchCommands.Add(UpdateOne(writes[i]));
            returning.Add(_ => outcomes[i] = true);
        }

        foreach (var i in blobs)
        {
            batch.BatchCommands.Add(PutBlob(writes[i]));
        }

        // Prepared once per connection and statement (Npgsql keeps them on the physical connection, so preparing an
        // already prepared statement costs nothing): the server skips parsing and planning on every later batch.
        await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);

        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var set = 0; set < returning.Count; set++)
            {
                if (set > 0 && !await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"The job write batch returned {set} result sets where {returning.Count} were expected.");
                }

                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    returning[set](reader.GetString(0));
                }
            }

            // Reading to the end surfaces an error of any later statement, and the end is the commit's answer.
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
            }
        }

        return outcomes;
    }

    private static NpgsqlBatchCommand Rows(string sql, JobRow[] rows, long[]? expected)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(Array(NpgsqlDbType.Text, rows.Select(static r => r.Id)));
        if (expected is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = expected });
        }

        command.Parameters.Add(Array(NpgsqlDbType.Text, rows.Select(static r => r.Status)));
        command.Parameters.Add(Array(NpgsqlDbType.Text, rows.Select(static r => r.Submitter)));
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, TypedValue = [.. rows.Select(static r => r.CreatedAt)] });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, TypedValue = [.. rows.Select(static r => r.UpdatedAt)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = [.. rows.Select(static r => r.Version)] });
        command.Parameters.Add(Array(NpgsqlDbType.Jsonb, rows.Select(static r => r.Labels)));
        command.Parameters.Add(Array(NpgsqlDbType.Jsonb, rows.Select(static r => r.Body)));
        return command;
    }

    private static NpgsqlBatchCommand UpdateOne(JobWrite write)
    {
        var row = write.Row!;
        var command = new NpgsqlBatchCommand(UpdateOneSql);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = row.Id });
        command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = write.ExpectedVersion });
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = row.Status });
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = row.Submitter });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = row.CreatedAt });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = row.UpdatedAt });
        command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = row.Version });
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Jsonb, TypedValue = row.Labels });
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Jsonb, TypedValue = row.Body });
        return command;
    }

    private static NpgsqlBatchCommand PutBlob(JobWrite write)
    {
        var command = new NpgsqlBatchCommand(PutBlobSql);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = write.JobId });
        command.Parameters.Add(new NpgsqlParameter<short> { NpgsqlDbType = NpgsqlDbType.Smallint, TypedValue = write.BlobKind });
        command.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = write.Attempt });
        command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = write.Data });
        return command;
    }

    private static NpgsqlParameter<string[]> Array(NpgsqlDbType elementType, IEnumerable<string> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | elementType, TypedValue = [.. values] };
}
