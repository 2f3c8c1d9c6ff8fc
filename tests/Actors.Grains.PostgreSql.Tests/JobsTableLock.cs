using Actors.TestKit;
using Npgsql;

namespace Actors.Grains.PostgreSql.Tests;

/// <summary>
/// Holds an EXCLUSIVE lock on <c>actors_jobs</c> from a connection of its own: reads go on, but a writer's batch
/// that touches the table waits, so a test can line up writes in the queue behind it and release them in one go.
/// </summary>
internal sealed class JobsTableLock : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnection _connection;
    private NpgsqlTransaction? _transaction;

    private JobsTableLock(NpgsqlDataSource dataSource, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _dataSource = dataSource;
        _connection = connection;
        _transaction = transaction;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Takes the lock in the store's database (whose schema must exist).</summary>
    public static async Task<JobsTableLock> TakeAsync(PostgreSqlJobStore store)
    {
        var dataSource = NpgsqlDataSource.Create(store.DataSource.ConnectionString);
        var connection = await dataSource.OpenConnectionAsync(Token);
        var transaction = await connection.BeginTransactionAsync(Token);
        await using var command = new NpgsqlCommand("LOCK TABLE actors_jobs IN EXCLUSIVE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync(Token);
        return new JobsTableLock(dataSource, connection, transaction);
    }

    /// <summary>Waits (polling the server's lock table, at most 30 s) until <paramref name="count"/> sessions wait for the lock.</summary>
    public Task WaitForWaitersAsync(int count) => Poll.UntilAsync(
        async () =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'actors_jobs'::regclass", _connection, _transaction);
            return (long)(await command.ExecuteScalarAsync(Token))! >= count;
        },
        TimeSpan.FromSeconds(30),
        $"{count} session(s) waiting for the lock on actors_jobs",
        Token);

    /// <summary>Releases the lock: the waiting batch runs.</summary>
    public async Task ReleaseAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync(Token);
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await _connection.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
