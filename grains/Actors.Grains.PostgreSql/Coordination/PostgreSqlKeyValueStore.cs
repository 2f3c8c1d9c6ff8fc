using System.Threading.Channels;
using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.Grains.Coordination.KeyValue;
using Actors.Runtime.PostgreSql;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Grains.PostgreSql.Coordination;

/// <summary>
/// The key/value store in PostgreSQL (<c>actors_kv_*</c>, its own schema track). Changes are group-committed by ONE
/// writer loop: each round takes what is queued (up to <see cref="PostgreSqlKeyValueStoreOptions.BatchSize"/>) and
/// commits it in one round trip (<see cref="KeyValueCommitBatch"/>), so commits happen in revision order and concurrent
/// changes share them. A failed commit fails its changes and every one queued after them, and the store takes no
/// more until <see cref="LoadAsync"/>. Reads go straight to the database.
/// </summary>
public sealed partial class PostgreSqlKeyValueStore : IKeyValueStore, IAsyncDisposable
{
    private const string HistoryColumns = "revision, type, key, value, create_revision, mod_revision, version, session_id";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly int _batchSize;
    private readonly Channel<PendingChange> _queue = Channel.CreateUnbounded<PendingChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private readonly Task _writer;
    private Task? _schema;
    private long _next = -1;
    private long _batches;

    /// <summary>Creates a store on <paramref name="dataSource"/>, which the caller keeps and disposes after the store.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public PostgreSqlKeyValueStore(NpgsqlDataSource dataSource, PostgreSqlKeyValueStoreOptions options, ILoggerFactory loggerFactory)
        : this(dataSource, options, loggerFactory, ownsDataSource: false)
    {
    }

    internal PostgreSqlKeyValueStore(NpgsqlDataSource dataSource, PostgreSqlKeyValueStoreOptions options, ILoggerFactory loggerFactory, bool ownsDataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (options.Validate() is { } failure)
        {
            throw new ArgumentException(failure, nameof(options));
        }

        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<PostgreSqlKeyValueStore>();
        _batchSize = options.BatchSize;
        HistoryRetention = options.HistoryRetention;
        _writer = Task.Run(WriteLoopAsync);
        LogStarted(_logger, options.BatchSize, options.HistoryRetention);
    }

    /// <inheritdoc />
    public long HistoryRetention { get; }

    /// <summary>Commits (round trips) run so far: far fewer than changes under concurrent load.</summary>
    internal long BatchesExecuted => Interlocked.Read(ref _batches);

    /// <summary>Creates or upgrades the schema unless this store did already; a failure is retried by the next call.</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_schema is null || _schema.IsFaulted || _schema.IsCanceled)
            {
                _schema = MigrateAsync();
            }

            return _schema.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<KvStoreState> LoadAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

        // Behind every change already queued: what is read includes them (or they failed).
        var barrier = new PendingChange(null);
        _queue.Writer.TryWrite(barrier);
        await barrier.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        long revision;
        await using (var meta = new NpgsqlCommand("SELECT revision FROM actors_kv_meta WHERE id = 1", connection, transaction))
        {
            revision = (long)(await meta.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var entries = new List<KvEntry>();
        await using (var keys = new NpgsqlCommand("SELECT key, value, create_revision, mod_revision, version, session_id FROM actors_kv_keys", connection, transaction))
        await using (var reader = await keys.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new KvEntry(
                    reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _next = revision + 1;
        }

        return new KvStoreState(entries, revision);
    }

    /// <inheritdoc />
    public Task AppendAsync(KvEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            if (_next < 0 || change.Revision != _next)
            {
                return Task.FromException(new InvalidOperationException(
                    _next < 0
                        ? "The key/value store must be loaded (again) before changes are appended."
                        : $"Key/value change revision {change.Revision} is not the next one ({_next})."));
            }

            var pending = new PendingChange(change);
            if (!_queue.Writer.TryWrite(pending))
            {
                return Task.FromException(new ObjectDisposedException(nameof(PostgreSqlKeyValueStore)));
            }

            _next++;
            return pending.Done.Task;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<KvEvent>> ReadHistoryAsync(string key, bool isPrefix, long fromRevision, long toRevision, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var match = isPrefix ? "starts_with(key, $3)" : "key = $3";
        await using var command = _dataSource.CreateCommand(
            $"SELECT {HistoryColumns} FROM actors_kv_history WHERE revision >= $1 AND revision < $2 AND {match} ORDER BY revision LIMIT $4");
        command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = fromRevision });
        command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = toRevision });
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = key });
        command.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = limit });
        var events = new List<KvEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(KeyValueCommitBatch.ReadHistoryRow(reader));
        }

        return events;
    }

    /// <summary>Takes no more changes, lets the queued ones commit, and disposes the data source if the store built it.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingChange>(_batchSize);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            PendingChange? barrier = null;
            while (batch.Count < _batchSize && reader.TryRead(out var item))
            {
                if (item.Change is null)
                {
                    barrier = item;
                    break;
                }

                batch.Add(item);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch).ConfigureAwait(false);
            }

            barrier?.Done.TrySetResult();
        }
    }

    private async Task CommitAsync(List<PendingChange> batch)
    {
        try
        {
            var changes = batch.Select(static p => p.Change!).ToList();
            await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await using var command = KeyValueCommitBatch.Build(connection, changes, HistoryRetention);
            Interlocked.Increment(ref _batches);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogBatchFailed(_logger, batch.Count, batch[0].Change!.Revision, ex);
            FailFrom(batch, ex);
            return;
        }

        foreach (var pending in batch)
        {
            pending.Done.TrySetResult();
        }
    }

    /// <summary>Fails the batch and everything queued behind it (later revisions depend on it); appends wait for a load.</summary>
    private void FailFrom(List<PendingChange> batch, Exception ex)
    {
        List<PendingChange> later = [];
        lock (_lock)
        {
            _next = -1;
            while (_queue.Reader.TryRead(out var item))
            {
                later.Add(item);
            }
        }

        var failure = new InvalidOperationException($"The key/value store could not commit revisions from {batch[0].Change!.Revision}: {ex.Message}", ex);
        foreach (var pending in batch.Concat(later))
        {
            if (pending.Change is null)
            {
                pending.Done.TrySetResult();
            }
            else
            {
                pending.Done.TrySetException(failure);
            }
        }
    }

    private async Task MigrateAsync()
    {
        try
        {
            await new SchemaMigrator(_dataSource, KeyValueStoreSchema.Track, _loggerFactory.CreateLogger<SchemaMigrator>())
                .MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogSchemaFailed(_logger, ex);
            throw;
        }
    }

    [LoggerMessage(EventId = PostgreSqlKeyValueStoreEventIds.Started, Level = LogLevel.Information, Message = "PostgreSQL key/value store started: batches of up to {BatchSize} changes, history of {HistoryRetention} revisions.")]
    private static partial void LogStarted(ILogger logger, int batchSize, long historyRetention);

    [LoggerMessage(EventId = PostgreSqlKeyValueStoreEventIds.BatchFailed, Level = LogLevel.Error, Message = "PostgreSQL key/value store failed to commit {Count} changes from revision {Revision}; they and the later queued ones fail.")]
    private static partial void LogBatchFailed(ILogger logger, int count, long revision, Exception exception);

    [LoggerMessage(EventId = PostgreSqlKeyValueStoreEventIds.SchemaFailed, Level = LogLevel.Error, Message = "PostgreSQL key/value store could not migrate its schema.")]
    private static partial void LogSchemaFailed(ILogger logger, Exception exception);

    /// <summary>A change waiting for its commit, or (no change) a barrier that completes once everything before it did.</summary>
    private sealed class PendingChange(KvEvent? change)
    {
        public KvEvent? Change { get; } = change;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
