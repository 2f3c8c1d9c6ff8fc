using Actors.Runtime.Directory;
using Npgsql;

namespace Actors.Runtime.PostgreSql;

/// <summary>
/// The grain directory in PostgreSQL (<c>actors_grain_directory</c>), scoped to one cluster. The primary key
/// (cluster, grain) arbitrates: a registration inserts, or replaces the entry it names as previous, in one
/// statement; every other racer conflicts and reads the winner. Same semantics as <see cref="InMemoryGrainDirectory"/>.
/// </summary>
/// <remarks>
/// New registrations and lookups are batched (<see cref="RoundTripBatcher{TRequest, TResult}"/>): every new grain costs
/// one of each, so under load one multi-row statement and one commit serve many activations instead of a commit each.
/// </remarks>
public sealed class PostgreSqlGrainDirectory : IGrainDirectory
{
    /// <summary>
    /// How many times a registration that lost retries when the winner's entry vanished before it could be read
    /// (unregistered in between). Each retry means another caller changed the entry, so running out is an
    /// extraordinary churn on one grain, reported as an exception rather than looping without end.
    /// </summary>
    private const int MaxRegisterAttempts = 16;

    // Inserts, or replaces the entry only if it is exactly the previous address ($5, $6); the conflict clause
    // locks the entry and checks its latest committed version, so of racers replacing the same entry one wins.
    private const string InsertOrReplaceSql = """
        INSERT INTO actors_grain_directory AS d (cluster_id, grain_id, silo, activation_id) VALUES ($1, $2, $3, $4)
        ON CONFLICT (cluster_id, grain_id) DO UPDATE SET silo = EXCLUDED.silo, activation_id = EXCLUDED.activation_id
        WHERE d.silo = $5 AND d.activation_id = $6
        RETURNING silo, activation_id
        """;

    // First registrations, many in one statement: each row inserts, or is skipped when the grain has an entry (the
    // conflict waits for a concurrent insert to commit or roll back, so exactly one of racing inserts returns its row).
    // The rows come sorted by grain, so batches of different silos take the key locks in one order: no deadlock.
    private const string InsertManySql = """
        INSERT INTO actors_grain_directory (cluster_id, grain_id, silo, activation_id)
        SELECT $1, r.grain_id, r.silo, r.activation_id FROM unnest($2::text[], $3::text[], $4::uuid[]) AS r(grain_id, silo, activation_id)
        ON CONFLICT (cluster_id, grain_id) DO NOTHING
        RETURNING grain_id, activation_id
        """;

    private const string LookupManySql = "SELECT grain_id, silo, activation_id FROM actors_grain_directory WHERE cluster_id = $1 AND grain_id = ANY($2)";

    // Round trips carry at most this many registrations or lookups; more wait for the next one.
    private const int MaxBatchSize = 512;

    private const string UnregisterSql = "DELETE FROM actors_grain_directory WHERE cluster_id = $1 AND grain_id = $2 AND silo = $3 AND activation_id = $4";

    private const string UnregisterSilosSql = "DELETE FROM actors_grain_directory WHERE cluster_id = $1 AND silo = ANY($2)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _clusterId;
    private readonly RoundTripBatcher<GrainAddress, bool> _inserts;
    private readonly RoundTripBatcher<GrainId, GrainAddress?> _lookups;

    /// <summary>Creates the grain directory of cluster <paramref name="clusterId"/> in the database of <paramref name="dataSource"/>.</summary>
    /// <param name="dataSource">The database; its schema must be migrated (see <see cref="SchemaMigrator"/>).</param>
    /// <param name="clusterId">Scopes every entry: clusters sharing a database never see each other's activations.</param>
    public PostgreSqlGrainDirectory(NpgsqlDataSource dataSource, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        _dataSource = dataSource;
        _clusterId = clusterId;
        _inserts = new RoundTripBatcher<GrainAddress, bool>(InsertManyAsync, MaxBatchSize);
        _lookups = new RoundTripBatcher<GrainId, GrainAddress?>(LookupManyAsync, MaxBatchSize);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The grain's entry kept vanishing between attempts (extraordinary churn).</exception>
    public async Task<GrainAddress> RegisterAsync(GrainAddress address, GrainAddress? previousAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ThrowIfDefault(address.GrainId);
        if (previousAddress is not null && previousAddress.GrainId != address.GrainId)
        {
            throw new ArgumentException($"The previous address {previousAddress} is of another grain than {address}.", nameof(previousAddress));
        }

        for (var attempt = 0; attempt < MaxRegisterAttempts; attempt++)
        {
            if (previousAddress is null
                ? await _inserts.RunAsync(address).WaitAsync(cancellationToken).ConfigureAwait(false)
                : await ReplaceAsync(address, previousAddress, cancellationToken).ConfigureAwait(false))
            {
                return address;
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
    public Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        ThrowIfDefault(grainId);
        return _lookups.RunAsync(grainId).WaitAsync(cancellationToken);
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

    private async Task<bool> ReplaceAsync(GrainAddress address, GrainAddress previousAddress, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(InsertOrReplaceSql, address.GrainId);
        AddSiloAndActivation(command, address);
        AddSiloAndActivation(command, previousAddress);
        return await ReadAddressAsync(command, address.GrainId, cancellationToken).ConfigureAwait(false) is not null;
    }

    // Answers, for each address, whether it was inserted (it won) or the grain already had an entry (it lost).
    private async Task<bool[]> InsertManyAsync(IReadOnlyList<GrainAddress> addresses)
    {
        var order = Enumerable.Range(0, addresses.Count).OrderBy(i => addresses[i].GrainId.ToString(), StringComparer.Ordinal).ToArray();
        await using var command = _dataSource.CreateCommand(InsertManySql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. order.Select(i => addresses[i].GrainId.ToString())] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. order.Select(i => addresses[i].Silo.ToString())] });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. order.Select(i => addresses[i].ActivationId)] });

        // Callers are waiting for a committed answer: no cancellation, Npgsql's command timeout bounds the wait.
        var inserted = new HashSet<(string GrainId, Guid ActivationId)>();
        await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                inserted.Add((reader.GetString(0), reader.GetGuid(1)));
            }
        }

        return [.. addresses.Select(a => inserted.Contains((a.GrainId.ToString(), a.ActivationId)))];
    }

    private async Task<GrainAddress?[]> LookupManyAsync(IReadOnlyList<GrainId> grainIds)
    {
        var keys = grainIds.Select(static g => g.ToString()).ToArray();
        await using var command = _dataSource.CreateCommand(LookupManySql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. keys.Distinct(StringComparer.Ordinal)] });
        var found = new Dictionary<string, (string Silo, Guid ActivationId)>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                found[reader.GetString(0)] = (reader.GetString(1), reader.GetGuid(2));
            }
        }

        var results = new GrainAddress?[grainIds.Count];
        for (var i = 0; i < results.Length; i++)
        {
            if (found.TryGetValue(keys[i], out var entry))
            {
                results[i] = new GrainAddress(grainIds[i], SiloAddress.Parse(entry.Silo), entry.ActivationId);
            }
        }

        return results;
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

    private static void ThrowIfDefault(GrainId grainId)
    {
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The default GrainId names no grain.", nameof(grainId));
        }
    }

    private NpgsqlCommand CreateCommand(string sql, GrainId grainId)
    {
        ThrowIfDefault(grainId);
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.ToString() });
        return command;
    }
}
