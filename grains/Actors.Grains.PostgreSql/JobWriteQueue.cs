using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Actors.Grains.PostgreSql;

/// <summary>
/// Group commit: callers queue their writes in a bounded channel and await them; <see cref="PostgreSqlJobStoreOptions.Writers"/>
/// loops each take whatever is queued (up to <see cref="PostgreSqlJobStoreOptions.BatchSize"/> writes and
/// <see cref="PostgreSqlJobStoreOptions.MaxBatchBytes"/>) and run it as one <see cref="JobBatch"/>, so under load
/// many callers share one round trip and one commit, while a lone caller waits for no one. Several loops overlap
/// their round trips. A full queue makes callers wait for room (back-pressure), never grows.
/// </summary>
/// <remarks>
/// Failures: when PostgreSQL rejects a batch for the data of a write (a constraint, a value it cannot store), the
/// batch rolled back as a whole and its writes are retried one by one, each in its own transaction, so only the
/// offending write fails and its caller alone gets the error. Any other failure (connection, server, timeout, lock)
/// would only repeat for each write, so every write of the batch fails at once with that error. When the connection
/// is lost mid-batch, its commit may or may not have happened (the usual ambiguity), which callers resolve by reading
/// (an insert retried then finds its row and returns false).
/// </remarks>
internal sealed partial class JobWriteQueue : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly Channel<JobWrite> _channel;
    private readonly int _batchSize;
    private readonly long _maxBatchBytes;
    private readonly Task[] _writers;
    private long _batches;
    private long _singleRetries;

    public JobWriteQueue(NpgsqlDataSource dataSource, PostgreSqlJobStoreOptions options, ILogger logger)
    {
        _dataSource = dataSource;
        _logger = logger;
        _batchSize = options.BatchSize;
        _maxBatchBytes = options.MaxBatchBytes;
        _channel = Channel.CreateBounded<JobWrite>(new BoundedChannelOptions(options.MaxPendingWrites)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = options.Writers == 1,
        });
        _writers = [.. Enumerable.Range(0, options.Writers).Select(_ => Task.Run(RunWriterAsync))];
    }

    /// <summary>Round trips run so far (batches, and single writes retried after a rejected batch).</summary>
    public long BatchesExecuted => Interlocked.Read(ref _batches);

    /// <summary>Batches PostgreSQL rejected, whose writes were then retried one by one.</summary>
    public long RejectedBatches => Interlocked.Read(ref _singleRetries);

    /// <summary>Writes queued and not yet taken by a writer.</summary>
    public int Pending => _channel.Reader.Count;

    /// <summary>Queues <paramref name="write"/> (waiting for room) and returns its committed outcome.</summary>
    /// <exception cref="OperationCanceledException">The token fired before a writer took the write: it was not written.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public async Task<bool> WriteAsync(JobWrite write, CancellationToken cancellationToken)
    {
        using var registration = write.CancelWhen(cancellationToken);
        try
        {
            await _channel.Writer.WriteAsync(write, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw new ObjectDisposedException(nameof(PostgreSqlJobStore), ex);
        }

        return await write.Completion.ConfigureAwait(false);
    }

    /// <summary>Takes no more writes; the writers finish what is queued and stop.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>Takes no more writes and waits until every queued write is done.</summary>
    public async ValueTask DisposeAsync()
    {
        Complete();
        await Task.WhenAll(_writers).ConfigureAwait(false);
    }

    private async Task RunWriterAsync()
    {
        var reader = _channel.Reader;
        var batch = new List<JobWrite>(_batchSize);
        JobWrite? carried = null;
        while (carried is not null || await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var bytes = 0L;
            if (carried is not null)
            {
                batch.Add(carried);
                bytes = carried.PayloadBytes;
                carried = null;
            }

            while (batch.Count < _batchSize && reader.TryRead(out var write))
            {
                if (!write.TryClaim())
                {
                    continue; // cancelled while queued: never written
                }

                if (batch.Count > 0 && bytes + write.PayloadBytes > _maxBatchBytes)
                {
                    carried = write; // starts the next batch of this loop
                    break;
                }

                batch.Add(write);
                bytes += write.PayloadBytes;
            }

            if (batch.Count > 0)
            {
                await RunBatchAsync(batch).ConfigureAwait(false);
            }
        }
    }

    // The loop's boundary: completes every write of the batch, one way or another, and never throws.
    private async Task RunBatchAsync(List<JobWrite> batch)
    {
        try
        {
            var outcomes = await ExecuteAsync(batch).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Complete(outcomes[i]);
            }
        }
        catch (PostgresException ex) when (batch.Count > 1 && IsAboutOneWrite(ex))
        {
            Interlocked.Increment(ref _singleRetries);
            Log.BatchRejected(_logger, batch.Count, ex.SqlState, ex);
            foreach (var write in batch)
            {
                await RunAloneAsync(write).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            Log.BatchFailed(_logger, batch.Count, ex);
            foreach (var write in batch)
            {
                write.Fail(ex);
            }
        }
    }

    /// <summary>
    /// Whether the error is about the data of a write (classes 22 data exception, 23 integrity violation, 54 limit
    /// exceeded): one bad write can cause it, so the others deserve a retry. Timeouts, locks, lost connections and the
    /// like would only repeat for each write.
    /// </summary>
    private static bool IsAboutOneWrite(PostgresException exception) =>
        exception.SqlState.StartsWith("22", StringComparison.Ordinal)
        || exception.SqlState.StartsWith("23", StringComparison.Ordinal)
        || exception.SqlState.StartsWith("54", StringComparison.Ordinal);

    private async Task RunAloneAsync(JobWrite write)
    {
        try
        {
            write.Complete((await ExecuteAsync([write]).ConfigureAwait(false))[0]);
        }
        catch (Exception ex)
        {
            Log.WriteRejected(_logger, write.Kind, write.JobId, (ex as PostgresException)?.SqlState, ex);
            write.Fail(ex);
        }
    }

    private async Task<bool[]> ExecuteAsync(IReadOnlyList<JobWrite> writes)
    {
        Interlocked.Increment(ref _batches);

        // A pooled connection per batch: a broken one is discarded by the pool, and the statements a batch prepares
        // stay prepared on the physical connection when it goes back. No cancellation: claimed writes have callers
        // waiting for their committed outcome; Npgsql's command timeout bounds the wait.
        await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
        return await JobBatch.ExecuteAsync(connection, writes, CancellationToken.None).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(PostgreSqlJobStoreEventIds.BatchRejected, LogLevel.Warning,
            "PostgreSQL rejected a batch of {Count} job writes (SqlState {SqlState}); retrying them one by one so only the offending write fails")]
        public static partial void BatchRejected(ILogger logger, int count, string sqlState, Exception exception);

        [LoggerMessage(PostgreSqlJobStoreEventIds.WriteRejected, LogLevel.Warning, "Job write {Kind} of job {JobId} failed (SqlState {SqlState})")]
        public static partial void WriteRejected(ILogger logger, JobWriteKind kind, string jobId, string? sqlState, Exception exception);

        [LoggerMessage(PostgreSqlJobStoreEventIds.BatchFailed, LogLevel.Error, "A batch of {Count} job writes failed; each of its callers gets the error")]
        public static partial void BatchFailed(ILogger logger, int count, Exception exception);
    }
}
