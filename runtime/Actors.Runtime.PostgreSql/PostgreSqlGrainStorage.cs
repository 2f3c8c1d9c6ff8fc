using System.Buffers;
using System.Globalization;
using Actors.Persistence;
using Actors.Runtime.Storage;
using Actors.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Runtime.PostgreSql;

/// <summary>
/// Grain storage in the <c>actors_grain_state</c> table, scoped to one cluster: state serialized as JSON into a
/// jsonb column, the row's version as the ETag ("1" on the first write, then "2", "3"...). Writes and clears are
/// conditional on the ETag the caller holds, decided by the database in one statement, so two silos (or a zombie
/// activation and its replacement) cannot both win; the loser gets <see cref="InconsistentStateException"/> and
/// nothing changes. Same semantics as <see cref="InMemoryGrainStorage"/>.
/// </summary>
/// <remarks>
/// jsonb cannot hold the character U+0000 in a string: state containing it fails to write (SqlState 22P05).
/// </remarks>
public sealed class PostgreSqlGrainStorage : IGrainStorage
{
    private const string KeyColumns = "cluster_id = $1 AND state_name = $2 AND grain_type = $3 AND grain_key = $4";

    // A row with a NULL payload is a tombstone (a cleared record): to readers it is "nothing stored".
    private const string ReadSql = "SELECT payload, version FROM actors_grain_state WHERE " + KeyColumns + " AND payload IS NOT NULL";

    private const string ReadVersionSql = "SELECT version FROM actors_grain_state WHERE " + KeyColumns + " AND payload IS NOT NULL";

    // A writer holding no ETag may create the record or replace a tombstone (continuing its version), never a live
    // record. The conflict clause decides that in one statement, so losing the race is an expected outcome (no
    // rows returned) rather than an error that would abort any transaction around the statement.
    private const string InsertSql = """
        INSERT INTO actors_grain_state AS s (cluster_id, state_name, grain_type, grain_key, payload, version)
        VALUES ($1, $2, $3, $4, $5, 1)
        ON CONFLICT (cluster_id, state_name, grain_type, grain_key)
        DO UPDATE SET payload = EXCLUDED.payload, version = s.version + 1, modified_at = now() WHERE s.payload IS NULL
        RETURNING version
        """;

    private const string UpdateSql = """
        UPDATE actors_grain_state SET payload = $5, version = version + 1, modified_at = now()
        WHERE cluster_id = $1 AND state_name = $2 AND grain_type = $3 AND grain_key = $4 AND version = $6 AND payload IS NOT NULL
        RETURNING version
        """;

    // A clear leaves a tombstone at the next version instead of deleting the row: versions must never repeat.
    private const string ClearSql = """
        UPDATE actors_grain_state SET payload = NULL, version = version + 1, modified_at = now()
        WHERE cluster_id = $1 AND state_name = $2 AND grain_type = $3 AND grain_key = $4 AND version = $5 AND payload IS NOT NULL
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ISerializer _serializer;
    private readonly string _clusterId;

    /// <summary>Creates storage for the cluster <paramref name="clusterId"/> in the database of <paramref name="dataSource"/>.</summary>
    /// <param name="dataSource">The database; its schema must be migrated (see <see cref="SchemaMigrator"/>).</param>
    /// <param name="serializer">Writes state as JSON (the runtime's serializer).</param>
    /// <param name="clusterId">Scopes every row: clusters sharing a database never see each other's state.</param>
    public PostgreSqlGrainStorage(NpgsqlDataSource dataSource, ISerializer serializer, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        _dataSource = dataSource;
        _serializer = serializer;
        _clusterId = clusterId;
    }

    /// <inheritdoc />
    public async Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var command = CreateCommand(ReadSql, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var payload = await reader.GetFieldValueAsync<byte[]>(0, cancellationToken).ConfigureAwait(false);
            grainState.State = _serializer.Deserialize<TState>(payload);
            grainState.ETag = FormatEtag(reader.GetInt64(1));
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = StateFactory<TState>.Create();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var buffer = new ArrayBufferWriter<byte>();
        _serializer.Serialize(grainState.State, buffer);
        var payload = buffer.WrittenMemory;

        var held = grainState.ETag;
        long written;
        if (held is null)
        {
            written = await InsertAsync(stateName, grainId, payload, cancellationToken).ConfigureAwait(false);
        }
        else if (TryParseEtag(held, out var heldVersion))
        {
            await using var command = CreateCommand(UpdateSql, stateName, grainId);
            command.Parameters.Add(Payload(payload));
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = heldVersion });
            written = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version
                ? version
                : throw await ConflictAsync(stateName, grainId, held, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Not an ETag this provider issued: it cannot match any stored version.
            throw await ConflictAsync(stateName, grainId, held, cancellationToken).ConfigureAwait(false);
        }

        grainState.ETag = FormatEtag(written);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var held = grainState.ETag;
        if (held is null)
        {
            // Holding no ETag means "I saw nothing stored": clearing is a no-op if that is still true, a conflict if not.
            if (await ReadVersionAsync(stateName, grainId, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                throw Conflict(stateName, grainId, FormatEtag(stored), held);
            }
        }
        else
        {
            var deleted = 0;
            if (TryParseEtag(held, out var heldVersion))
            {
                await using var command = CreateCommand(ClearSql, stateName, grainId);
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = heldVersion });
                deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (deleted == 0)
            {
                throw await ConflictAsync(stateName, grainId, held, cancellationToken).ConfigureAwait(false);
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task<long> InsertAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using (var command = CreateCommand(InsertSql, stateName, grainId))
            {
                command.Parameters.Add(Payload(payload));
                if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version)
                {
                    return version;
                }
            }

            // A live record exists, so a writer holding no ETag is stale. If it was cleared since (now a tombstone),
            // "nothing stored" is true again and the insert is retried, as the in-memory provider does.
            if (await ReadVersionAsync(stateName, grainId, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                throw Conflict(stateName, grainId, FormatEtag(stored), held: null);
            }
        }
    }

    private async Task<long?> ReadVersionAsync(string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(ReadVersionSql, stateName, grainId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
    }

    /// <summary>The refusal of a conditional write, naming the version stored now (read after the refusal, for the message only).</summary>
    private async Task<InconsistentStateException> ConflictAsync(string stateName, GrainId grainId, string held, CancellationToken cancellationToken)
    {
        var stored = await ReadVersionAsync(stateName, grainId, cancellationToken).ConfigureAwait(false);
        return Conflict(stateName, grainId, stored is { } version ? FormatEtag(version) : null, held);
    }

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, string? stored, string? held) =>
        new($"State '{stateName}' of {grainId} is at version {stored ?? "absent"} but the writer holds {held ?? "none"}: it changed since it was read.",
            stored, held);

    // The serializer's UTF-8 JSON goes to the server as is: no string round trip, and jsonb validates it.
    private static NpgsqlParameter<ReadOnlyMemory<byte>> Payload(ReadOnlyMemory<byte> json) =>
        new() { TypedValue = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private NpgsqlCommand CreateCommand(string sql, string stateName, GrainId grainId)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The default GrainId names no grain.", nameof(grainId));
        }

        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type.Value });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
        return command;
    }

    private static bool TryParseEtag(string etag, out long version) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;

    private static string FormatEtag(long version) => version.ToString(CultureInfo.InvariantCulture);
}
