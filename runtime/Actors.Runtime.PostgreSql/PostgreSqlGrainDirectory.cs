using Actors.Runtime.Directory;
using Npgsql;

namespace Actors.Runtime.PostgreSql;

/// <summary>
/// The grain directory in PostgreSQL (<c>actors_grain_directory</c>), scoped to one cluster. The primary key
/// (cluster, grain) arbitrates: a registration inserts, or replaces the entry it names as previous, in one
/// statement; every other racer conflicts and reads the winner. Same semantics as <see cref="InMemoryGrainDirectory"/>.
/// </summary>
public sealed class PostgreSqlGrainDirectory : IGrainDirectory
{
    /// <summary>
    /// How many times a registration that lost retries when the winner's entry vanished before it could be read
    /// (unregistered in between). Each retry means another caller changed the entry, so running out is an
    /// extraordinary churn on one grain, reported as an exception rather than looping without end.
    /// </summary>
    private const int MaxRegisterAttempts = 16;

    // Inserts, or returns nothing when the grain has an entry (the conflict waits for a concurrent insert to
    // commit or roll back, so exactly one of racing inserts returns a row).
    private const string InsertSql = """
        INSERT INTO actors_grain_directory (cluster_id, grain_id, silo, activation_id) VALUES ($1, $2, $3, $4)
        ON CONFLICT (cluster_id, grain_id) DO NOTHING
        RETURNING silo, activation_id
        """;

    // Inserts, or replaces the entry only if it is exactly the previous address ($5, $6); the conflict clause
    // locks the entry and checks its latest committed version, so of racers replacing the same entry one wins.
    private const string InsertOrReplaceSql = """
        INSERT INTO actors_grain_directory AS d (cluster_id, grain_id, silo, activation_id) VALUES ($1, $2, $3, $4)
        ON CONFLICT (cluster_id, grain_id) DO UPDATE SET silo = EXCLUDED.silo, activation_id = EXCLUDED.activation_id
        WHERE d.silo = $5 AND d.activation_id = $6
        RETURNING silo, activation_id
        """;

    private const string LookupSql = "SELECT silo, activation_id FROM actors_grain_directory WHERE cluster_id = $1 AND grain_id = $2";

    private const string UnregisterSql = "DELETE FROM actors_grain_directory WHERE cluster_id = $1 AND grain_id = $2 AND silo = $3 AND activation_id = $4";

    private const string UnregisterSilosSql = "DELETE FROM actors_grain_directory WHERE cluster_id = $1 AND silo = ANY($2)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _clusterId;

    /// <summary>Creates the grain directory of cluster <paramref name="clusterId"/> in the database of <paramref name="dataSource"/>.</summary>
    /// <param name="dataSource">The database; its schema must be migrated (see <see cref="SchemaMigrator"/>).</param>
    /// <param name="clusterId">Scopes every entry: clusters sharing a database never see each other's activations.</param>
    public PostgreSqlGrainDirectory(NpgsqlDataSource dataSource, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        _dataSource = dataSource;
        _clusterId = clusterId;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The grain's entry kept vanishing between attempts (extraordinary churn).</exception>
    public async Task<GrainAddress> RegisterAsync(GrainAddress address, GrainAddress? previousAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (previousAddress is not null && previousAddress.GrainId != address.GrainId)
        {
            throw new ArgumentException($"The previous address {previousAddress} is of another grain than {address}.", nameof(previousAddress));
        }

        for (var attempt = 0; attempt < MaxRegisterAttempts; attempt++)
        {
            await using (var command = CreateCommand(previousAddress is null ? InsertSql : InsertOrReplaceSql, address.GrainId))
            {
                AddSiloAndActivation(command, address);
                if (previousAddress is not null)
                {
                    AddSiloAndActivation(command, previousAddress);
                }

                if (await ReadAddressAsync(command, address.GrainId, cancellationToken).ConfigureAwait(false) is not null)
                {
                    return address;
                }
            }

            // Lost: the entry that beat us is committed (the conflict waited for it), so a new statement sees it,
            // unless it was unregistered in between; then the grain is free again and we try anew. An entry equal to
            // previousAddress (written back in between) is one we may replace: also try anew.
            var winner = await LookupAsync(address.GrainId, cancellationToken).ConfigureAwait(false);
            if (winner is not null && winner != previousAddress)
            {
                return winner == address ? address : winner;
            }
        }

        throw new InvalidOperationException(
            $"Registering {address} in the grain directory of cluster '{_clusterId}' failed {MaxRegisterAttempts} times: its entry was removed every time before the winner could be read.");
    }

    /// <inheritdoc />
    public async Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(LookupSql, grainId);
        return await ReadAddressAsync(command, grainId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> UnregisterAsync(GrainAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        await using var command = CreateCommand(UnregisterSql, address.GrainId);
        AddSiloAndActivation(command, address);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<int> UnregisterSilosAsync(IReadOnlyCollection<SiloAddress> silos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silos);
        if (silos.Count == 0)
        {
            return 0;
        }

        await using var command = _dataSource.CreateCommand(UnregisterSilosSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });

        // The silo column holds SiloAddress.ToString(): endpoint and generation, so other generations on the same endpoint stay.
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. silos.Select(static s => s.ToString()).Distinct(StringComparer.Ordinal)] });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<GrainAddress?> ReadAddressAsync(NpgsqlCommand command, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new GrainAddress(grainId, SiloAddress.Parse(reader.GetString(0)), reader.GetGuid(1))
            : null;
    }

    private static void AddSiloAndActivation(NpgsqlCommand command, GrainAddress address)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = address.Silo.ToString() });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = address.ActivationId });
    }

    private NpgsqlCommand CreateCommand(string sql, GrainId grainId)
    {
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The default GrainId names no grain.", nameof(grainId));
        }

        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.ToString() });
        return command;
    }
}
