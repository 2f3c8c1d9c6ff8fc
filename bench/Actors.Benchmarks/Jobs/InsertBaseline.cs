using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Benchmarks.Jobs;

/// <summary>
/// Part (b)'s baseline: the single-row INSERT ceiling of the same PostgreSQL server. A few clients, each on its own
/// connection, insert one row per autocommit transaction into a table made LIKE <c>actors_jobs</c> (same columns,
/// defaults and indexes) in the same database, with the body and labels of a real accepted job.
/// </summary>
internal sealed class InsertBaseline : IAsyncDisposable
{
    private const string Table = "bench_insert_baseline";
    private const int MaxInsertsPerClient = 10_000_000;

    private const string InsertSql =
        $"INSERT INTO {Table} (id, status, submitter, created_at, updated_at, version, labels, body) VALUES ($1, 'Queued', $2, now(), now(), 1, $3::jsonb, $4::jsonb)";

    private readonly NpgsqlConnection[] _connections;
    private readonly string _labels;
    private readonly string _body;
    private long _sequence;

    private InsertBaseline(NpgsqlConnection[] connections, string labels, string body)
    {
        _connections = connections;
        _labels = labels;
        _body = body;
    }

    /// <summary>Creates the table from <c>actors_jobs</c> (which must hold at least one job) and opens the clients' connections.</summary>
    public static async Task<InsertBaseline> CreateAsync(string connectionString, int clients, CancellationToken cancellationToken)
    {
        var connections = new NpgsqlConnection[clients];
        try
        {
            for (var i = 0; i < clients; i++)
            {
                connections[i] = new NpgsqlConnection(connectionString);
                await connections[i].OpenAsync(cancellationToken);
            }

            await using (var create = new NpgsqlCommand($"CREATE TABLE {Table} (LIKE actors_jobs INCLUDING ALL)", connections[0]))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var sample = new NpgsqlCommand("SELECT labels::text, body::text FROM actors_jobs ORDER BY created_at LIMIT 1", connections[0]);
            await using var reader = await sample.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException("actors_jobs holds no job to copy the baseline's row shape from.");
            }

            return new InsertBaseline(connections, reader.GetString(0), reader.GetString(1));
        }
        catch
        {
            foreach (var connection in connections.OfType<NpgsqlConnection>())
            {
                await connection.DisposeAsync();
            }

            throw;
        }
    }

    public async Task<ThroughputRound> RunAsync(string label, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = _connections.Select(_ => new List<double>()).ToArray();
        var elapsed = Stopwatch.StartNew();
        var inserted = await Task.WhenAll(_connections.Select((connection, i) => Task.Run(async () =>
        {
            await using var insert = new NpgsqlCommand(InsertSql, connection);
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = "baseline-" + i.ToString(CultureInfo.InvariantCulture) });
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = _labels });
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = _body });
            await insert.PrepareAsync(cancellationToken);
            var count = 0L;
            var one = new Stopwatch();
            for (var n = 0; n < MaxInsertsPerClient && elapsed.Elapsed < duration; n++)
            {
                insert.Parameters[0].Value = "baseline-" + Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
                one.Restart();
                count += await insert.ExecuteNonQueryAsync(cancellationToken);
                latencies[i].Add(one.Elapsed.TotalMilliseconds);
            }

            return count;
        }, cancellationToken)));
        elapsed.Stop();
        var all = latencies.SelectMany(l => l).ToList();
        return new ThroughputRound(label, _connections.Length, inserted.Sum(), elapsed.Elapsed, Percentiles.Median(all), Percentiles.Of(all, 99), string.Empty, null);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}
