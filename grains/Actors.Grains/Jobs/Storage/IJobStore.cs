using Actors.GrainInterfaces.Jobs;

namespace Actors.Grains.Jobs.Storage;

/// <summary>
/// The durable truth about jobs: one row per job (its <see cref="JobSnapshot"/>, written with compare-and-set on
/// <see cref="JobSnapshot.Version"/> so a zombie Task activation cannot overwrite a newer state), plus the input
/// blob of large inputs and one output blob per attempt. In memory for the embedded silo, PostgreSQL in a cluster.
/// Implementations batch concurrent writes into shared round trips.
/// </summary>
public interface IJobStore
{
    /// <summary>The job, or null when no job has this id.</summary>
    Task<JobSnapshot?> GetAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Persists a new job. False (and nothing written) when a job with this id exists.</summary>
    Task<bool> InsertAsync(JobSnapshot job, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored job when its stored version is <paramref name="expectedVersion"/>; the new snapshot carries
    /// the next version. False (and nothing written) otherwise.
    /// </summary>
    Task<bool> UpdateAsync(JobSnapshot job, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>A page of jobs, newest first, filtered by status and label.</summary>
    Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> jobs not in a final status, oldest first (the scheduler rebuilds its queue from them).</summary>
    Task<IReadOnlyList<JobSnapshot>> ListUnfinishedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Stores a job's input (written before the job is submitted; rewriting the same id replaces it).</summary>
    Task PutInputAsync(string jobId, ReadOnlyMemory<byte> input, CancellationToken cancellationToken);

    /// <summary>A job's stored input, or null when none was stored.</summary>
    Task<byte[]?> GetInputAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Stores the stdout of one attempt (rewriting the same attempt replaces it).</summary>
    Task PutOutputAsync(string jobId, int attempt, ReadOnlyMemory<byte> output, CancellationToken cancellationToken);

    /// <summary>The stdout of one attempt, or null when none was stored.</summary>
    Task<byte[]?> GetOutputAsync(string jobId, int attempt, CancellationToken cancellationToken);
}
