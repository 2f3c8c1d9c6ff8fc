using System.Text;
using Actors.GrainInterfaces.Jobs;
using Actors.Grains.Jobs.Storage;
using Actors.Runtime.PostgreSql;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Grains.PostgreSql;

/// <summary>
/// The job store of a cluster, in PostgreSQL: <c>actors_jobs</c> (one row per job, the snapshot as jsonb) and
/// <c>actors_job_blobs</c> (inputs and per-attempt outputs). Writes are group-committed (<see cref="JobWriteQueue"/>):
/// concurrent inserts, updates and blob writes share round trips and commits, and each caller's task completes only
/// once its own write is committed, with its own outcome. Reads go straight to the database. Same semantics as
/// <see cref="InMemoryJobStore"/>; the schema is migrated before first use (its own track, <see cref="JobStoreSchema"/>).
/// </summary>
public sealed partial class PostgreSqlJobStore : IJobStore, IAsyncDisposable, IDisposable
{
    private const string GetSql = "SELECT body FROM actors_jobs WHERE id = $1";

    private const string GetBlobSql = "SELECT data FROM actors_job_blobs WHERE job_id = $1 AND kind = $2 AND attempt = $3";

    // Word for word the predicate of the partial index actors_jobs_unfinished, so the index serves the query.
    internal static readonly string UnfinishedSql =
        $"SELECT body FROM actors_jobs WHERE status IN ({JobStoreSchema.UnfinishedStatuses}) ORDER BY created_at, id LIMIT $1";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly JobWriteQueue _queue;
    private readonly Lock _schemaLock = new();
    private Task? _schema;
    private int _disposed;

    /// <summary>Creates a store on <paramref name="dataSource"/>, which the caller keeps and disposes after the store.</summary>
    /// <param name="dataSource">The database. Its schema is migrated on first use.</param>
    /// <param name="options">The batching settings (<see cref="PostgreSqlJobStoreOptions.ConnectionString"/> is not used).</param>
    /// <param name="loggerFactory">Logs of the store and of the schema migration.</param>
    /// <exception cref="ArgumentException">The batching settings are out of range.</exception>
    public PostgreSqlJobStore(NpgsqlDataSource dataSource, PostgreSqlJobStoreOptions options, ILoggerFactory loggerFactory)
        : this(dataSource, options, loggerFactory, ownsDataSource: false)
    {
    }

    internal PostgreSqlJobStore(NpgsqlDataSource dataSource, PostgreSqlJobStoreOptions options, ILoggerFactory loggerFactory, bool ownsDataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        if (PostgreSqlJobStoreOptionsValidator.ValidateBatching(options, settings.MaxPoolSize) is { } failure)
        {
            throw new ArgumentException(failure, nameof(options));
        }

        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<PostgreSqlJobStore>();
        _queue = new JobWriteQueue(dataSource, options, _logger);
        Log.Started(_logger, $"{settings.Host}:{settings.Port}/{settings.Database}", options.BatchSize, options.Writers, options.MaxPendingWrites);
    }

    /// <summary>Round trips the writers ran so far (a measure of batching: far fewer than writes under load).</summary>
    internal long BatchesExecuted => _queue.BatchesExecuted;

    /// <summary>Batches PostgreSQL rejected, whose writes were retried one by one.</summary>
    internal long RejectedBatches => _queue.RejectedBatches;

    /// <summary>Writes queued and not yet taken by a writer.</summary>
    internal int PendingWrites => _queue.Pending;

    /// <summary>The database.</summary>
    internal NpgsqlDataSource DataSource => _dataSource;

    /// <summary>
    /// Creates or upgrades the job store's schema unless this store did already; safe from many stores and silos at
    /// once. Every other method calls it first; a silo calls it at start. A failure is retried by the next call.
    /// </summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        var schema = Volatile.Read(ref _schema);
        if (schema is { IsCompletedSuccessfully: true })
        {
            return Task.CompletedTask;
        }

        lock (_schemaLock)
        {
            if (_schema is null || _schema.IsFaulted || _schema.IsCanceled)
            {
                _schema = MigrateAsync();
            }

            schema = _schema;
        }

        // The migration itself runs to its end for everyone waiting; a caller's token only ends its own wait.
        return schema.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<JobSnapshot?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        JobStoreArguments.ValidateJobId(jobId);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(GetSql);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = jobId });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body ? JobRow.ReadBody(body) : null;
    }

    /// <inheritdoc />
    public async Task<bool> InsertAsync(JobSnapshot job, CancellationToken cancellationToken)
    {
        JobStoreArguments.ValidateJob(job);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _queue.WriteAsync(JobWrite.Insert(JobRow.From(job)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> UpdateAsync(JobSnapshot job, long expectedVersion, CancellationToken cancellationToken)
    {
        JobStoreArguments.ValidateUpdate(job, expectedVersion);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _queue.WriteAsync(JobWrite.Update(JobRow.From(job), expectedVersion), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken)
    {
        JobStoreArguments.ValidateQuery(query);
        var after = query.Cursor is null ? (JobCursor?)null : JobCursor.Parse(query.Cursor);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

        await using var command = _dataSource.CreateCommand();
        var sql = new StringBuilder("SELECT body FROM actors_jobs");
        var conditions = new List<string>();
        if (query.Status is { } status)
        {
            conditions.Add($"status = {Add(command, NpgsqlDbType.Text, status.ToString())}");
        }

        if (query.LabelKey is { } key)
        {
            conditions.Add(query.LabelValue is { } value
                ? $"labels @> jsonb_build_object({Add(command, NpgsqlDbType.Text, key)}::text, {Add(command, NpgsqlDbType.Text, value)}::text)"
                : $"labels ? {Add(command, NpgsqlDbType.Text, key)}");
        }

        if (after is { } cursor)
        {
            // Keyset pagination: strictly after the previous page's last (created_at, id), newest first.
            conditions.Add($"(created_at, id) < ({Add(command, NpgsqlDbType.TimestampTz, JobCursor.FromMicroseconds(cursor.CreatedAtMicroseconds))}, {Add(command, NpgsqlDbType.Text, cursor.Id)})");
        }

        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        // One row more than the limit, only to know whether another page follows.
        sql.Append(" ORDER BY created_at DESC, id DESC LIMIT ").Append(Add(command, NpgsqlDbType.Integer, query.Limit + 1));
        command.CommandText = sql.ToString();

        var jobs = await ReadBodiesAsync(command, cancellationToken).ConfigureAwait(false);
        var more = jobs.Count > query.Limit;
        if (more)
        {
            jobs.RemoveAt(jobs.Count - 1);
        }

        return new JobPage(jobs, more ? JobCursor.Of(jobs[^1]).Encode() : null);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JobSnapshot>> ListUnfinishedAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(UnfinishedSql);
        command.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = limit });
        return await ReadBodiesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task PutInputAsync(string jobId, ReadOnlyMemory<byte> input, CancellationToken cancellationToken) =>
        PutBlobAsync(jobId, JobStoreSchema.InputKind, 0, input, cancellationToken);

    /// <inheritdoc />
    public Task<byte[]?> GetInputAsync(string jobId, CancellationToken cancellationToken) =>
        GetBlobAsync(jobId, JobStoreSchema.InputKind, 0, cancellationToken);

    /// <inheritdoc />
    public Task PutOutputAsync(string jobId, int attempt, ReadOnlyMemory<byte> output, CancellationToken cancellationToken)
    {
        JobStoreArguments.ValidateAttempt(attempt);
        return PutBlobAsync(jobId, JobStoreSchema.OutputKind, attempt, output, cancellationToken);
    }

    /// <inheritdoc />
    public Task<byte[]?> GetOutputAsync(string jobId, int attempt, CancellationToken cancellationToken)
    {
        JobStoreArguments.ValidateAttempt(attempt);
        return GetBlobAsync(jobId, JobStoreSchema.OutputKind, attempt, cancellationToken);
    }

    /// <summary>Takes no more writes, waits until every queued write is done, then disposes the data source if the store built it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _queue.DisposeAsync().ConfigureAwait(false);
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Takes no more writes and disposes the data source if the store built it, without waiting: writes still queued
    /// then fail. Prefer <see cref="DisposeAsync"/>, which lets them finish.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Complete();
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    private static string Add<T>(NpgsqlCommand command, NpgsqlDbType type, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T> { NpgsqlDbType = type, TypedValue = value });
        return "$" + command.Parameters.Count;
    }

    private static async Task<List<JobSnapshot>> ReadBodiesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var jobs = new List<JobSnapshot>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(JobRow.ReadBody(reader.GetString(0)));
        }

        return jobs;
    }

    private async Task PutBlobAsync(string jobId, short kind, int attempt, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        JobStoreArguments.ValidateJobId(jobId);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await _queue.WriteAsync(JobWrite.PutBlob(jobId, kind, attempt, data), cancellationToken).ConfigureAwait(false);
    }

    private async Task<byte[]?> GetBlobAsync(string jobId, short kind, int attempt, CancellationToken cancellationToken)
    {
        JobStoreArguments.ValidateJobId(jobId);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(GetBlobSql);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = jobId });
        command.Parameters.Add(new NpgsqlParameter<short> { NpgsqlDbType = NpgsqlDbType.Smallint, TypedValue = kind });
        command.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = attempt });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }

    private async Task MigrateAsync()
    {
        try
        {
            await new SchemaMigrator(_dataSource, JobStoreSchema.Track, _loggerFactory.CreateLogger<SchemaMigrator>())
                .MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.SchemaFailed(_logger, ex);
            throw;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(PostgreSqlJobStoreEventIds.Started, LogLevel.Information,
            "Jobs are kept in PostgreSQL at {Database}: up to {BatchSize} writes per round trip, {Writers} writers, at most {MaxPendingWrites} writes waiting")]
        public static partial void Started(ILogger logger, string database, int batchSize, int writers, int maxPendingWrites);

        [LoggerMessage(PostgreSqlJobStoreEventIds.SchemaFailed, LogLevel.Error, "Creating or upgrading the job store's schema failed; the next call tries again")]
        public static partial void SchemaFailed(ILogger logger, Exception exception);
    }
}
