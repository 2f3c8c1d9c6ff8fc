using Npgsql;
using NpgsqlTypes;

namespace Actors.Runtime.PostgreSql;

/// <summary>Group commit: concurrent writes of different records share one statement and one commit.</summary>
public sealed partial class PostgreSqlGrainStorage
{
    // Round trips carry at most this many writes; more wait for the next one.
    private const int MaxWriteBatchSize = 256;

    // Many writes in one statement, each with the condition of its single-row form (UpdateSql or InsertSql): a write
    // holding a version updates the live record at exactly that version; a write holding none inserts, or replaces a
    // tombstone. A refused row simply returns nothing. The rows come sorted by key, so batches of different silos
    // take the row locks in one order; a deadlock (should the planner visit rows otherwise) fails the statement as a
    // whole, and its writers then run alone. Keys are distinct within a statement (see WriteManyAsync), so no row
    // is written twice and results map back by ordinal or by key.
    private const string WriteManySql = """
        WITH input AS (
            SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[], $6::bigint[]) WITH ORDINALITY
                AS r(state_name, grain_type, grain_key, payload, held, ord)
        ),
        updated AS (
            UPDATE actors_grain_state AS s SET payload = i.payload, version = s.version + 1, modified_at = now()
            FROM input AS i
            WHERE i.held IS NOT NULL AND s.cluster_id = $1 AND s.state_name = i.state_name AND s.grain_type = i.grain_type
                AND s.grain_key = i.grain_key AND s.version = i.held AND s.payload IS NOT NULL
            RETURNING i.ord, s.version
        ),
        inserted AS (
            INSERT INTO actors_grain_state AS s (cluster_id, state_name, grain_type, grain_key, payload, version)
            SELECT $1, i.state_name, i.grain_type, i.grain_key, i.payload, 1 FROM input AS i WHERE i.held IS NULL ORDER BY i.ord
            ON CONFLICT (cluster_id, state_name, grain_type, grain_key)
            DO UPDATE SET payload = EXCLUDED.payload, version = s.version + 1, modified_at = now() WHERE s.payload IS NULL
            RETURNING s.state_name, s.grain_type, s.grain_key, s.version
        )
        SELECT u.ord, u.version FROM updated AS u
        UNION ALL
        SELECT i.ord, n.version FROM inserted AS n JOIN input AS i
            ON i.held IS NULL AND i.state_name = n.state_name AND i.grain_type = n.grain_type AND i.grain_key = n.grain_key
        """;

    private long _writeStatements;

    /// <summary>Multi-row write statements run so far (each one round trip and one commit): for tests and figures.</summary>
    internal long WriteStatements => Interlocked.Read(ref _writeStatements);

    // Runs a batch of the batcher: never throws; every write gets an outcome. Writes of one key run in successive
    // statements in arrival order (the first of each key in the first statement, the second in the next...), so a
    // statement never carries one row twice.
    private async Task<GrainStateWriteOutcome[]> WriteManyAsync(IReadOnlyList<GrainStateWrite> writes)
    {
        var outcomes = new GrainStateWriteOutcome[writes.Count];
        foreach (var round in Rounds(writes))
        {
            try
            {
                await WriteRoundAsync(writes, round, outcomes).ConfigureAwait(false);
            }
            catch (PostgresException)
            {
                // The statement failed in the database and was rolled back: nothing of it is written. Its writers run
                // alone, so only one at fault fails, with its own error.
                foreach (var i in round)
                {
                    outcomes[i] = GrainStateWriteOutcome.Alone;
                }
            }
            catch (Exception ex)
            {
                // The connection failed or timed out: the statement may have committed, so nobody may retry it blindly.
                foreach (var i in round)
                {
                    outcomes[i] = GrainStateWriteOutcome.Failed(ex);
                }
            }
        }

        return outcomes;
    }

    private static List<List<int>> Rounds(IReadOnlyList<GrainStateWrite> writes)
    {
        var rounds = new List<List<int>>();
        var seen = new Dictionary<(string, string, string), int>();
        for (var i = 0; i < writes.Count; i++)
        {
            var key = writes[i].Key;
            var round = seen.TryGetValue(key, out var previous) ? previous + 1 : 0;
            seen[key] = round;
            if (round == rounds.Count)
            {
                rounds.Add([]);
            }

            rounds[round].Add(i);
        }

        return rounds;
    }

    private async Task WriteRoundAsync(IReadOnlyList<GrainStateWrite> writes, List<int> round, GrainStateWriteOutcome[] outcomes)
    {
        var order = round
            .OrderBy(i => writes[i].StateName, StringComparer.Ordinal)
            .ThenBy(i => writes[i].GrainId.Type.Value, StringComparer.Ordinal)
            .ThenBy(i => writes[i].GrainId.Key, StringComparer.Ordinal)
            .ToArray();

        await using var command = _dataSource.CreateCommand(WriteManySql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. order.Select(i => writes[i].StateName)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. order.Select(i => writes[i].GrainId.Type.Value)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. order.Select(i => writes[i].GrainId.Key)] });
        command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>[]>
        {
            TypedValue = [.. order.Select(i => writes[i].Payload)],
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
        });
        command.Parameters.Add(new NpgsqlParameter<long?[]> { TypedValue = [.. order.Select(i => writes[i].HeldVersion)] });

        foreach (var i in round)
        {
            outcomes[i] = GrainStateWriteOutcome.Refused;
        }

        // Callers are waiting for a committed answer: no cancellation, Npgsql's command timeout bounds the wait.
        Interlocked.Increment(ref _writeStatements);
        await using var reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
        while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            // ord counts from 1 over the sorted rows.
            outcomes[order[reader.GetInt64(0) - 1]] = GrainStateWriteOutcome.Written(reader.GetInt64(1));
        }
    }
}
