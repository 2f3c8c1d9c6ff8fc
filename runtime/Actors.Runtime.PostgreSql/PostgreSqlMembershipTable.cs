using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Actors.Runtime.Membership;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Runtime.PostgreSql;

/// <summary>
/// The membership table in PostgreSQL (<c>actors_membership</c>, with the table version in
/// <c>actors_membership_version</c>), scoped to one cluster. Same semantics as <see cref="InMemoryMembershipTable"/>.
/// </summary>
/// <remarks>
/// <para>
/// Why the compare-and-set is race-free: every write that can change a row's existence or ETag (insert, update,
/// cleanup) first locks the cluster's version row and, if it changes anything, increments the version in the same
/// statement or transaction. Inserts and updates are one statement: a first part increments the version only if it
/// is still the expected one and the row's precondition holds (absent, or at the ETag), and the row write takes its
/// input from that part, so it writes nothing when the version did not move. Of writers holding the same version,
/// the first locks the version row; the others wait for its commit, then PostgreSQL re-checks their condition
/// against the committed version, which no longer matches. A writer that gets the lock at the expected version knows
/// no insert, update or cleanup committed since that version, so the row precondition it checked still holds and
/// the row write cannot miss its row; a duplicate key (possible only if something bypassed this protocol) fails
/// the whole statement, version increment included.
/// </para>
/// <para>
/// Heartbeats write only the heartbeat time and activation count, without the version lock: they cannot change a
/// precondition, and never make a concurrent compare-and-set fail. A row's ETag is the version its last insert or
/// update produced, so ETags are unique within the cluster and never reused. Times are kept to the microsecond.
/// </para>
/// </remarks>
public sealed class PostgreSqlMembershipTable : IMembershipTable
{
    private const string InitializeSql = "INSERT INTO actors_membership_version (cluster_id, version) VALUES ($1, 0) ON CONFLICT (cluster_id) DO NOTHING";

    // One statement: the version and the rows at one snapshot. No version row means a fresh table (version 0).
    private const string ReadAllSql = """
        SELECT v.version, m.address, m.port, m.generation, m.host_name, m.node_name, m.gateway_port, m.status,
               m.start_time, m.i_am_alive_time, m.suspicions, m.grain_types, m.activation_count, m.etag
        FROM actors_membership_version v LEFT JOIN actors_membership m ON m.cluster_id = v.cluster_id
        WHERE v.cluster_id = $1
        """;

    // $1 cluster, $2 expected version, $3..$5 the silo (the row's key), $6..$14 the other columns. v is empty unless
    // the version moved, and the INSERT selects from v: no version increment, no row. The new row's ETag is the new version.
    private const string InsertSql = """
        WITH v AS (
            UPDATE actors_membership_version SET version = version + 1
            WHERE cluster_id = $1 AND version = $2
              AND NOT EXISTS (SELECT 1 FROM actors_membership WHERE cluster_id = $1 AND address = $3 AND port = $4 AND generation = $5)
            RETURNING version)
        INSERT INTO actors_membership (cluster_id, address, port, generation, host_name, node_name, gateway_port, status,
                                       start_time, i_am_alive_time, suspicions, grain_types, activation_count, etag)
        SELECT $1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, v.version FROM v
        RETURNING etag
        """;

    // As InsertSql, with $15 the ETag the writer holds; the UPDATE joins v, so it changes nothing unless the version moved.
    private const string UpdateSql = """
        WITH v AS (
            UPDATE actors_membership_version SET version = version + 1
            WHERE cluster_id = $1 AND version = $2
              AND EXISTS (SELECT 1 FROM actors_membership WHERE cluster_id = $1 AND address = $3 AND port = $4 AND generation = $5 AND etag = $15)
            RETURNING version)
        UPDATE actors_membership AS m
        SET host_name = $6, node_name = $7, gateway_port = $8, status = $9, start_time = $10, i_am_alive_time = $11,
            suspicions = $12, grain_types = $13, activation_count = $14, etag = v.version
        FROM v
        WHERE m.cluster_id = $1 AND m.address = $3 AND m.port = $4 AND m.generation = $5 AND m.etag = $15
        RETURNING m.etag
        """;

    private const string HeartbeatSql = """
        UPDATE actors_membership SET i_am_alive_time = $2, activation_count = $3
        WHERE cluster_id = $1 AND address = $4 AND port = $5 AND generation = $6
        """;

    // Cleanup runs as a transaction that takes the version row's lock first, like every other row-set change:
    // a delete outside that lock could remove a row between an update's check and its write.
    private const string LockVersionSql = "SELECT version FROM actors_membership_version WHERE cluster_id = $1 FOR UPDATE";

    private const string DeleteDefunctSql = "DELETE FROM actors_membership WHERE cluster_id = $1 AND status = $2 AND i_am_alive_time < $3";

    private const string BumpVersionSql = "UPDATE actors_membership_version SET version = version + 1 WHERE cluster_id = $1";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _clusterId;
    private volatile bool _initialized;

    /// <summary>Creates the membership table of cluster <paramref name="clusterId"/> in the database of <paramref name="dataSource"/>.</summary>
    /// <param name="dataSource">The database; its schema must be migrated (see <see cref="SchemaMigrator"/>).</param>
    /// <param name="clusterId">Scopes every row and the version: clusters sharing a database never see each other's members.</param>
    public PostgreSqlMembershipTable(NpgsqlDataSource dataSource, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        _dataSource = dataSource;
        _clusterId = clusterId;
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // ON CONFLICT DO NOTHING: silos initializing together all succeed, and an existing version is kept.
        await using var command = CreateCommand(InitializeSql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _initialized = true;
    }

    /// <inheritdoc />
    /// <remarks>Rows are ordered by silo (<see cref="SiloAddress"/> order).</remarks>
    public async Task<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(ReadAllSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var version = 0L;
        var rows = new List<MembershipRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            version = reader.GetInt64(0);
            if (!reader.IsDBNull(1))
            {
                rows.Add(ReadRow(reader));
            }
        }

        rows.Sort(static (a, b) => a.Entry.Silo.CompareTo(b.Entry.Silo));
        return new MembershipTableSnapshot(version, rows);
    }

    /// <inheritdoc />
    public async Task<bool> InsertRowAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateWriteCommand(InsertSql, entry, expectedVersion);
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // The row appeared without the protocol's version increment; the statement, increment included, rolled back.
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(etag);
        if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var heldEtag))
        {
            // Not an ETag this table issued: it matches no row.
            return false;
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateWriteCommand(UpdateSql, entry, expectedVersion);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = heldEtag });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long;
    }

    /// <inheritdoc />
    /// <remarks>A silo without a row is ignored (it was cleaned up, or never joined): a heartbeat creates nothing.</remarks>
    public async Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset iAmAliveTime, int activationCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        await using var command = CreateCommand(HeartbeatSql);
        command.Parameters.Add(Timestamp(iAmAliveTime));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = activationCount });
        AddSilo(command, silo);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>A cleanup that deletes rows increments the version once, as any other change of the row set does.</remarks>
    public async Task<int> CleanupDefunctEntriesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockVersion = CreateCommand(LockVersionSql, connection))
        {
            if (await lockVersion.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                // No version row: nobody ever wrote to this cluster's table, so there is nothing to delete.
                return 0;
            }
        }

        int deleted;
        await using (var delete = CreateCommand(DeleteDefunctSql, connection))
        {
            delete.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)SiloStatus.Dead });
            delete.Parameters.Add(Timestamp(before));
            deleted = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (deleted > 0)
        {
            await using var bump = CreateCommand(BumpVersionSql, connection);
            await bump.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    // Writes find the version row missing only on a table nobody initialized; a fresh table is at version 0 either way.
    private Task EnsureInitializedAsync(CancellationToken cancellationToken) =>
        _initialized ? Task.CompletedTask : InitializeAsync(cancellationToken);

    private static MembershipRow ReadRow(NpgsqlDataReader reader)
    {
        var silo = new SiloAddress(new IPEndPoint(IPAddress.Parse(reader.GetString(1)), reader.GetInt32(2)), reader.GetInt64(3));
        var entry = new MembershipEntry(
            silo,
            reader.GetString(4),
            reader.GetString(5),
            reader.GetInt32(6),
            (SiloStatus)reader.GetInt16(7),
            reader.GetFieldValue<DateTimeOffset>(8),
            reader.GetFieldValue<DateTimeOffset>(9),
            ParseSuspicions(reader.GetString(10)),
            reader.GetFieldValue<string[]>(11),
            reader.GetInt32(12));
        return new MembershipRow(entry, reader.GetInt64(13).ToString(CultureInfo.InvariantCulture));
    }

    private NpgsqlCommand CreateWriteCommand(string sql, MembershipEntry entry, long expectedVersion)
    {
        var command = CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expectedVersion });
        AddSilo(command, entry.Silo);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.HostName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.NodeName });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = entry.GatewayPort });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)entry.Status });
        command.Parameters.Add(Timestamp(entry.StartTime));
        command.Parameters.Add(Timestamp(entry.IAmAliveTime));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = FormatSuspicions(entry.Suspicions), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. entry.GrainTypes] });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = entry.ActivationCount });
        return command;
    }

    private static void AddSilo(NpgsqlCommand command, SiloAddress silo)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = silo.Endpoint.Address.ToString() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = silo.Endpoint.Port });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = silo.Generation });
    }

    // timestamptz takes UTC only (Npgsql refuses other offsets); the instant is what matters.
    private static NpgsqlParameter<DateTimeOffset> Timestamp(DateTimeOffset value) => new() { TypedValue = value.ToUniversalTime() };

    private static string FormatSuspicions(IReadOnlyList<SuspicionVote> votes)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var vote in votes)
            {
                writer.WriteStartObject();
                writer.WriteString("voter", vote.Voter.ToString());
                writer.WriteString("time", vote.Time.ToUniversalTime());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static SuspicionVote[] ParseSuspicions(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(static vote => new SuspicionVote(
            SiloAddress.Parse(vote.GetProperty("voter").GetString()!),
            vote.GetProperty("time").GetDateTimeOffset()))];
    }

    private NpgsqlCommand CreateCommand(string sql)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });
        return command;
    }

    private NpgsqlCommand CreateCommand(string sql, NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });
        return command;
    }
}
