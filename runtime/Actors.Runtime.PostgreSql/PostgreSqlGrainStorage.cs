using System.Buffers;
using System.Globalization;
using System.Runtime.ExceptionServices;
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
/// <para>
/// Writes are batched (<see cref="RoundTripBatcher{TRequest, TResult}"/>): concurrent writes of different records
/// share one statement and one commit, each with its own condition and outcome, so a silo's write rate is not capped
/// by one commit per write. A write the batch refused runs its single-row path to produce its exact error.
/// </para>
/// <para>jsonb cannot hold the character U+0000 in a string: state containing it fails to write (SqlState 22P05).</para>
/// </remarks>
public sealed partial class PostgreSqlGrainStorage : IGrainStorage
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
    private readonly RoundTripBatcher<GrainStateWrite, GrainStateWriteOutcome> _writes;

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
        _writes = new RoundTripBatcher<GrainStateWrite, GrainStateWriteOutcome>(WriteManyAsync, MaxWriteBatchSize);
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
        long? heldVersion = null;
        if (held is not null)
        {
            if (!TryParseEtag(held, out var parsed))
            {
                // Not an ETag this provider issued: it cannot match any stored version.
                throw await ConflictAsync(stateName, grainId, held, cancellationToken).ConfigureAwait(false);
            }

            heldVersion = parsed;
        }

        ThrowIfInvalid(stateName, grainId);
        var outcome = await _writes.RunAsync(new GrainStateWrite(stateName, grainId, payload, heldVersion)).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (outcome.Error is { } error)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        long written;
        if (outcome.Version is { } version)
        {
            written = version;
        }
        else if (heldVersion is { } expected)
        {
            // Refused: the record is not at the held version (a batch that failed runs the single-row update instead).
            written = outcome.RunAlone
                ? await UpdateAsync(stateName, grainId, payload, held!, expected, cancellationToken).ConfigureAwait(false)
                : throw await ConflictAsync(stateName, grainId, held!, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Refused: a live record exists, unless it was cleared since; the single-row path tells which, as before.
            written = outcome.RunAlone
                ? await InsertAsync(stateName, grainId, payload, cancellationToken).ConfigureAwait(false)
                : await InsertAfterRefusalAsync(stateName, grainId, payload, cancellationToken).ConfigureAwait(false);
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

    private async Task<long> UpdateAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> payload, string held, long heldVersion, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(UpdateSql, stateName, grainId);
        command.Parameters.Add(Payload(payload));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = heldVersion });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version
            ? version
            : throw await ConflictAsync(stateName, grainId, held, cancellationToken).ConfigureAwait(false);
    }

    // The single-row insert path after its first statement (run in the batch) returned nothing.
    private async Task<long> InsertAfterRefusalAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        await ReadVersionAsync(stateName, grainId, cancellationToken).ConfigureAwait(false) is { } stored
            ? throw Conflict(stateName, grainId, FormatEtag(stored), held: null)
            : await InsertAsync(stateName, grainId, payload, cancellationToken).ConfigureAwait(false);

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

    private static void ThrowIfInvalid(string stateName, GrainId grainId)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The default GrainId names no grain.", nameof(grainId));
        }
    }

    private NpgsqlCommand CreateCommand(string sql, string stateName, GrainId grainId)
    {
        ThrowIfInvalid(stateName, grainId);
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
