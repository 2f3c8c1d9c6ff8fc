using Actors.GrainInterfaces.Jobs;
using Actors.Grains.Concurrency;
using Actors.Grains.Jobs.Scheduling;
using Actors.Grains.Jobs.Storage;
using Actors.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Jobs.Tasks;

/// <summary>
/// One job's lifecycle (key = job id). Its state is the job store's row: every change is a compare-and-set on the
/// row's version, persisted before the call that caused it is answered, so an acknowledged job or result is never
/// lost and a zombie activation cannot overwrite a newer state. Attempt numbers fence the executor's reports.
/// Reentrant so that watchers waiting for a change (long polls) never hold the grain; the changes themselves take
/// <see cref="_changes"/> one at a time, so each transition reads and writes one consistent state.
/// </summary>
[Reentrant]
internal sealed partial class TaskGrain : Grain, ITaskGrain, IDisposable
{
    private readonly ChangeGate _changes = new();
    private readonly IJobStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<TaskGrain> _logger;
    private readonly JobSchedulerOptions _options;
    private JobSnapshot? _job;
    private bool _loaded;
    private Task? _loading;
    private TaskCompletionSource _changed = NewSignal();

    public TaskGrain(IJobStore store, IOptions<JobSchedulerOptions> options, TimeProvider time, ILogger<TaskGrain> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
        _options = options.Value;
    }

    private string JobId => this.GetPrimaryKeyString();

    private IJobSchedulerGrain Scheduler => GrainFactory.GetGrain<IJobSchedulerGrain>(IJobSchedulerGrain.DefaultKey);

    /// <summary>
    /// Reads the job once, on first need. A submission of a new id (the common case) skips the read: it inserts and
    /// reads only when the id turns out to be taken. A state set by a change meanwhile wins over what the read returns.
    /// </summary>
    private Task EnsureLoadedAsync() => _loaded ? Task.CompletedTask : _loading ??= LoadAsync();

    private async Task LoadAsync()
    {
        var stored = await _store.GetAsync(JobId, CancellationToken.None);
        if (!_loaded)
        {
            _job = stored;
            _loaded = true;
        }
    }

    /// <inheritdoc />
    public Task<SubmitResult> SubmitAsync(JobSpec spec) => _changes.RunAsync(() => SubmitCoreAsync(spec));

    private async Task<SubmitResult> SubmitCoreAsync(JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (_job is not null)
        {
            return Repeated(spec);
        }

        // A queue place first: a refused job is never persisted, an accepted one always has its place.
        var reservation = await Scheduler.ReserveAsync(JobId, spec.Submitter);
        if (!reservation.Reserved)
        {
            // A repeated submission of an accepted job gets that job even while the queue is full.
            await EnsureLoadedAsync();
            if (_job is not null)
            {
                return Repeated(spec);
            }

            DeactivateOnIdle();
            return new SubmitResult(SubmitResultKind.QueueFull, null, reservation.RetryAfterSeconds, reservation.Detail);
        }

        var now = _time.GetUtcNow();
        var job = new JobSnapshot(JobId, JobStatus.Queued, spec, now, now, null, [], null, null, null, null, false, null, null, Version: 1);
        if (!await _store.InsertAsync(job, CancellationToken.None))
        {
            // The id is taken: submitted before (a repeat), or by another activation: answer from the stored job.
            var stored = await _store.GetAsync(JobId, CancellationToken.None) ?? throw new InvalidOperationException($"Job '{JobId}' exists but cannot be read.");
            SetJob(stored);
            if (stored.Status.IsFinal())
            {
                // Its queue place was reserved for nothing.
                await ForgetAsync();
            }

            return Repeated(spec);
        }

        SetJob(job);
        LogAccepted(_logger, JobId, spec.Image, spec.Submitter);
        await EnqueueAsync(notBefore: null);
        return new SubmitResult(SubmitResultKind.Accepted, job, null, null);
    }

    /// <inheritdoc />
    public async Task<JobSnapshot?> GetAsync()
    {
        await EnsureLoadedAsync();
        if (_job is null)
        {
            // Nothing to keep in memory for an unknown id.
            DeactivateOnIdle();
        }

        return _job;
    }

    /// <inheritdoc />
    public async Task<JobSnapshot?> WatchAsync(long afterVersion, TimeSpan maxWait)
    {
        await EnsureLoadedAsync();
        if (_job is null || _job.Version > afterVersion || _job.Status.IsFinal() || maxWait <= TimeSpan.Zero)
        {
            return _job;
        }

        var changed = _changed.Task;
        var wait = maxWait > TimeSpan.FromMinutes(5) ? TimeSpan.FromMinutes(5) : maxWait;
        using var timeout = new CancellationTokenSource(wait, _time);
        await Task.WhenAny(changed, Task.Delay(Timeout.InfiniteTimeSpan, _time, timeout.Token));
        return _job;
    }

    /// <inheritdoc />
    public Task<CancelResult> CancelAsync() => _changes.RunAsync(() => CancelCoreAsync());

    private async Task<CancelResult> CancelCoreAsync()
    {
        await EnsureLoadedAsync();
        if (_job is null)
        {
            DeactivateOnIdle();
            return new CancelResult(null, false);
        }

        if (_job.Status.IsFinal())
        {
            return new CancelResult(_job, false);
        }

        var running = _job.Status is JobStatus.Scheduled or JobStatus.Running ? _job.Attempts[^1] : null;
        var now = _time.GetUtcNow();
        var attempts = running is null
            ? _job.Attempts
            : Replace(_job.Attempts, running with { FinishedAt = now, Outcome = AttemptOutcome.Cancelled, Error = "The job was cancelled." });
        await PersistAsync(_job with
        {
            Status = JobStatus.Cancelled,
            Attempts = attempts,
            FinishedAt = now,
            Reason = "Cancelled by request.",
            NextAttemptAt = null,
        });
        LogCancelled(_logger, JobId);

        if (running is not null)
        {
            try
            {
                await GrainFactory.GetGrain<IExecutorNodeGrain>(running.Node).CancelAsync(JobId, running.Number);
            }
            catch (Exception ex)
            {
                // The cancellation stands: a result the node reports later is rejected, and a gone node runs nothing.
                LogSchedulerCallFailed(_logger, JobId, "cancel on its node", ex);
            }
        }

        await ForgetAsync();
        return new CancelResult(_job, true);
    }

    private SubmitResult Repeated(JobSpec spec) => JobSpecs.SameSubmission(_job!.Spec, spec)
        ? new SubmitResult(SubmitResultKind.Existing, _job, null, null)
        : new SubmitResult(SubmitResultKind.Conflict, _job, null, $"Job '{JobId}' was submitted before with a different request.");

    /// <inheritdoc />
    public void Dispose() => _changes.Dispose();

    /// <summary>Persists <paramref name="next"/> as the version after the current one, or fails when the store moved on.</summary>
    private async Task PersistAsync(JobSnapshot next)
    {
        var current = _job!;
        var versioned = next with { Version = current.Version + 1, UpdatedAt = _time.GetUtcNow() };
        if (!await _store.UpdateAsync(versioned, current.Version, CancellationToken.None))
        {
            // Another activation wrote a newer state: this one must not act on what it holds.
            _job = await _store.GetAsync(JobId, CancellationToken.None);
            DeactivateOnIdle();
            throw new InconsistentStateException($"Job '{JobId}' was changed by another activation (expected version {current.Version}).");
        }

        SetJob(versioned);
    }

    private void SetJob(JobSnapshot job)
    {
        _job = job;
        _loaded = true;
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static IReadOnlyList<JobAttempt> Replace(IReadOnlyList<JobAttempt> attempts, JobAttempt last) => [.. attempts.Take(attempts.Count - 1), last];
}
