using System.Text.Json;
using Actors.GrainInterfaces.Jobs;
using Actors.GrainInterfaces.Serialization;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Jobs.Storage;

/// <summary>
/// The job store of the embedded single silo: everything in this process, lost when it stops. Same semantics as the
/// PostgreSQL store (the contract tests of both prove it): snapshots are kept as the same JSON, so what a caller
/// changes in its objects afterwards never reaches the store; listings order by <see cref="JobCursor"/>; the same
/// inputs are refused (<see cref="JobStoreArguments"/>). Thread-safe; every call completes synchronously.
/// </summary>
public sealed partial class InMemoryJobStore : IJobStore
{
    private const byte InputKind = 0;
    private const byte OutputKind = 1;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, StoredJob> _jobs = new(StringComparer.Ordinal);
    private readonly SortedSet<JobCursor> _all = [];
    private readonly SortedSet<JobCursor> _unfinished = [];
    private readonly Dictionary<(string JobId, byte Kind, int Attempt), byte[]> _blobs = [];

    /// <summary>Creates an empty store; says in the log, once, that jobs live in memory only.</summary>
    public InMemoryJobStore(ILogger<InMemoryJobStore>? logger = null)
    {
        if (logger is not null)
        {
            Log.InMemory(logger);
        }
    }

    /// <inheritdoc />
    public Task<JobSnapshot?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        JobStoreArguments.ValidateJobId(jobId);
        cancellationToken.ThrowIfCancellationRequested();
        StoredJob? stored;
        lock (_lock)
        {
            _jobs.TryGetValue(jobId, out stored);
        }

        return Task.FromResult(stored is null ? null : Deserialize(stored.Json));
    }

    /// <inheritdoc />
    public Task<bool> InsertAsync(JobSnapshot job, CancellationToken cancellationToken)
    {
        JobStoreArguments.ValidateJob(job);
        cancellationToken.ThrowIfCancellationRequested();
        var stored = StoredJob.From(job);
        lock (_lock)
        {
            if (!_jobs.TryAdd(job.Id, stored))
            {
                return Task.FromResult(false);
            }

            Index(stored);
        }

        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<bool> UpdateAsync(JobSnapshot job, long expectedVersion, CancellationToken cancellationToken)
    {
        JobStoreArguments.ValidateUpdate(job, expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
        var replacement = StoredJob.From(job);
        lock (_lock)
        {
            if (!_jobs.TryGetValue(job.Id, out var current) || current.Version != expectedVersion)
            {
                return Task.FromResult(false);
            }

            _all.Remove(current.Key);
            _unfinished.Remove(current.Key);
            _jobs[job.Id] = replacement;
            Index(replacement);
        }

        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken)
    {
        JobStoreArguments.ValidateQuery(query);
        var after = query.Cursor is null ? (JobCursor?)null : JobCursor.Parse(query.Cursor);
        cancellationToken.ThrowIfCancellationRequested();
        var page = new List<StoredJob>(query.Limit + 1);
        lock (_lock)
        {
            // Newest first; a cursor continues strictly below the last key of the previous page.
            var candidates = after switch
            {
                null => _all.Reverse(),
                { } cursor when _all.Count == 0 || cursor.CompareTo(_all.Min) <= 0 => [],
                { } cursor => _all.GetViewBetween(_all.Min, cursor).Reverse().SkipWhile(key => key.CompareTo(cursor) == 0),
            };
            foreach (var key in candidates)
            {
                var stored = _jobs[key.Id];
                if (Matches(stored, query))
                {
                    page.Add(stored);
                    if (page.Count > query.Limit)
                    {
                        break;
                    }
                }
            }
        }

        // One row more than the limit was read only to know whether another page follows.
        var more = page.Count > query.Limit;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        var next = more ? page[^1].Key.Encode() : null;
        return Task.FromResult(new JobPage([.. page.Select(static s => Deserialize(s.Json))], next));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JobSnapshot>> ListUnfinishedAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        cancellationToken.ThrowIfCancellationRequested();
        List<byte[]> found;
        lock (_lock)
        {
            found = [.. _unfinished.Take(limit).Select(key => _jobs[key.Id].Json)];
        }

        return Task.FromResult<IReadOnlyList<JobSnapshot>>([.. found.Select(Deserialize)]);
    }

    /// <inheritdoc />
    public Task PutInputAsync(string jobId, ReadOnlyMemory<byte> input, CancellationToken cancellationToken) =>
        PutBlobAsync(jobId, InputKind, 0, input, cancellationToken);

    /// <inheritdoc />
    public Task<byte[]?> GetInputAsync(string jobId, CancellationToken cancellationToken) =>
        GetBlobAsync(jobId, InputKind, 0, cancellationToken);

    /// <inheritdoc />
    public Task PutOutputAsync(string jobId, int attempt, ReadOnlyMemory<byte> output, CancellationToken cancellationToken)
    {
        JobStoreArguments.ValidateAttempt(attempt);
        return PutBlobAsync(jobId, OutputKind, attempt, output, cancellationToken);
    }

    /// <inheritdoc />
    public Task<byte[]?> GetOutputAsync(string jobId, int attempt, CancellationToken cancellationToken)
    {
        JobStoreArguments.ValidateAttempt(attempt);
        return GetBlobAsync(jobId, OutputKind, attempt, cancellationToken);
    }

    private static bool Matches(StoredJob stored, JobQuery query) =>
        (query.Status is not { } status || stored.Status == status)
        && (query.LabelKey is not { } key
            || (stored.Labels.TryGetValue(key, out var value) && (query.LabelValue is null || string.Equals(value, query.LabelValue, StringComparison.Ordinal))));

    private static JobSnapshot Deserialize(byte[] json) =>
        JsonSerializer.Deserialize(json, GrainInterfacesJsonContext.Default.JobSnapshot)
        ?? throw new InvalidOperationException("A stored job snapshot read back as null.");

    private void Index(StoredJob stored)
    {
        _all.Add(stored.Key);
        if (!stored.Status.IsFinal())
        {
            _unfinished.Add(stored.Key);
        }
    }

    private Task PutBlobAsync(string jobId, byte kind, int attempt, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        JobStoreArguments.ValidateJobId(jobId);
        cancellationToken.ThrowIfCancellationRequested();
        var copy = data.ToArray();
        lock (_lock)
        {
            _blobs[(jobId, kind, attempt)] = copy;
        }

        return Task.CompletedTask;
    }

    private Task<byte[]?> GetBlobAsync(string jobId, byte kind, int attempt, CancellationToken cancellationToken)
    {
        JobStoreArguments.ValidateJobId(jobId);
        cancellationToken.ThrowIfCancellationRequested();
        byte[]? stored;
        lock (_lock)
        {
            _blobs.TryGetValue((jobId, kind, attempt), out stored);
        }

        // A copy: the caller may change the array it gets without changing what is stored.
        return Task.FromResult(stored is null ? null : (byte[]?)stored.AsSpan().ToArray());
    }

    /// <summary>One stored job: its JSON (what PostgreSQL keeps in <c>body</c>) and the columns listings filter on.</summary>
    private sealed record StoredJob(JobCursor Key, JobStatus Status, long Version, IReadOnlyDictionary<string, string> Labels, byte[] Json)
    {
        public static StoredJob From(JobSnapshot job) => new(
            JobCursor.Of(job),
            job.Status,
            job.Version,
            new Dictionary<string, string>(job.Spec.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            JsonSerializer.SerializeToUtf8Bytes(job, GrainInterfacesJsonContext.Default.JobSnapshot));
    }

    private static partial class Log
    {
        [LoggerMessage(JobStoreEventIds.InMemory, LogLevel.Information,
            "Jobs are kept in memory (embedded single silo): they are lost when the silo stops; use AddPostgreSqlJobStore for durable jobs")]
        public static partial void InMemory(ILogger logger);
    }
}
