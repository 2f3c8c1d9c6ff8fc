using Actors.GrainInterfaces.Jobs;

namespace Actors.Grains.Jobs.Tasks;

internal sealed partial class TaskGrain
{
    /// <inheritdoc />
    public Task<JobAssignment?> AssignAsync(string node) => _changes.RunAsync(() => AssignCoreAsync(node));

    private async Task<JobAssignment?> AssignCoreAsync(string node)
    {
        await EnsureLoadedAsync();
        ArgumentException.ThrowIfNullOrEmpty(node);
        if (_job is null || _job.Status != JobStatus.Queued)
        {
            return null;
        }

        // The attempt number is durable before any node sees it: it is the fencing token of that attempt's reports.
        var attempt = new JobAttempt(_job.CurrentAttempt + 1, node, _time.GetUtcNow(), null, null, null, null, null);
        await PersistAsync(_job with
        {
            Status = JobStatus.Scheduled,
            Attempts = [.. _job.Attempts, attempt],
            Node = node,
            NextAttemptAt = null,
        });
        return new JobAssignment(JobId, attempt.Number, _job.Spec);
    }

    /// <inheritdoc />
    public Task<bool> AttemptStartedAsync(int attempt, DateTimeOffset startedAt) => _changes.RunAsync(() => AttemptStartedCoreAsync(attempt, startedAt));

    private async Task<bool> AttemptStartedCoreAsync(int attempt, DateTimeOffset startedAt)
    {
        await EnsureLoadedAsync();
        if (!IsCurrentOpenAttempt(attempt))
        {
            LogStaleReport(_logger, JobId, attempt, "start");
            return false;
        }

        if (_job!.Status == JobStatus.Scheduled)
        {
            await PersistAsync(_job with
            {
                Status = JobStatus.Running,
                Attempts = Replace(_job.Attempts, _job.Attempts[^1] with { StartedAt = startedAt }),
            });
        }

        return true;
    }

    /// <inheritdoc />
    public Task<bool> CompleteAttemptAsync(int attempt, AttemptResult result) => _changes.RunAsync(() => CompleteAttemptCoreAsync(attempt, result));

    private async Task<bool> CompleteAttemptCoreAsync(int attempt, AttemptResult result)
    {
        await EnsureLoadedAsync();
        ArgumentNullException.ThrowIfNull(result);
        if (!IsCurrentOpenAttempt(attempt))
        {
            // A superseded attempt (its node was presumed dead and the job re-ran) or a job already final: one result only.
            LogStaleReport(_logger, JobId, attempt, "result");
            return false;
        }

        var job = _job!;
        var ended = job.Attempts[^1] with
        {
            StartedAt = job.Attempts[^1].StartedAt ?? result.StartedAt,
            FinishedAt = result.FinishedAt,
            ExitCode = result.ExitCode,
            Outcome = result.Outcome,
            Error = result.Error,
        };
        var attempts = Replace(job.Attempts, ended);
        var withResult = job with
        {
            Attempts = attempts,
            ExitCode = result.ExitCode,
            StderrTail = result.StderrTail,
            OutputBytes = result.Outcome == AttemptOutcome.InfrastructureError ? null : result.OutputBytes,
            OutputTruncated = result.OutputTruncated,
        };

        switch (result.Outcome)
        {
            case AttemptOutcome.Exited when result.ExitCode == 0:
                await FinishAsync(withResult, JobStatus.Succeeded, reason: null);
                break;
            case AttemptOutcome.Exited:
                await FailOrRetryAsync(withResult, $"The container exited with code {result.ExitCode}.", userFailure: true, permanent: false);
                break;
            case AttemptOutcome.TimedOut:
                await FinishAsync(withResult, JobStatus.TimedOut, $"Killed after the {job.Spec.TimeoutSeconds} s timeout.");
                break;
            case AttemptOutcome.OutOfMemory:
                await FailOrRetryAsync(withResult, $"Killed: out of memory (limit {_options.DemandOf(job.Spec).MemoryMb} MiB).", userFailure: true, permanent: false);
                break;
            default:
                // Infrastructure failed, or the node cancelled an attempt nobody cancelled: retry while the job allows.
                await FailOrRetryAsync(withResult, result.Error ?? "The attempt failed for an infrastructure reason.", userFailure: false, permanent: result.Permanent);
                break;
        }

        return true;
    }

    /// <inheritdoc />
    public Task AttemptLostAsync(int attempt, string reason) => _changes.RunAsync(async () =>
    {
        await AttemptLostCoreAsync(attempt, reason);
        return true;
    });

    private async Task AttemptLostCoreAsync(int attempt, string reason)
    {
        await EnsureLoadedAsync();
        if (!IsCurrentOpenAttempt(attempt))
        {
            LogStaleReport(_logger, JobId, attempt, "loss");
            return;
        }

        var job = _job!;
        var lost = job.Attempts[^1] with { FinishedAt = _time.GetUtcNow(), Outcome = AttemptOutcome.InfrastructureError, Error = reason };
        await FailOrRetryAsync(job with { Attempts = Replace(job.Attempts, lost) }, reason, userFailure: false, permanent: false);
    }

    /// <summary>Whether <paramref name="attempt"/> is the job's current attempt and still has no outcome.</summary>
    private bool IsCurrentOpenAttempt(int attempt) =>
        _job is { Status: JobStatus.Scheduled or JobStatus.Running } job
        && job.CurrentAttempt == attempt
        && job.Attempts[^1].Outcome is null;

    private async Task FailOrRetryAsync(JobSnapshot job, string reason, bool userFailure, bool permanent)
    {
        // Infrastructure failures use the job's retries; a user's failure (non-zero exit, out of memory) only when it asked.
        var failures = job.Attempts.Count(a => userFailure
            ? a.Outcome is AttemptOutcome.Exited or AttemptOutcome.OutOfMemory
            : a.Outcome is AttemptOutcome.InfrastructureError or AttemptOutcome.Cancelled);
        var mayRetry = !permanent && (!userFailure || job.Spec.RetryOnFailure) && failures <= job.Spec.Retries;
        if (!mayRetry)
        {
            var why = userFailure || permanent ? reason : $"{reason} (gave up after {failures} failed attempts)";
            await FinishAsync(job, JobStatus.Failed, why);
            return;
        }

        var backoff = RetryDelay(failures);
        var notBefore = _time.GetUtcNow() + backoff;
        await PersistAsync(job with { Status = JobStatus.Queued, Reason = reason, NextAttemptAt = notBefore });
        LogRetry(_logger, JobId, job.CurrentAttempt + 1, backoff.TotalSeconds, reason);
        await EnqueueAsync(notBefore);
    }

    private async Task FinishAsync(JobSnapshot job, JobStatus status, string? reason)
    {
        await PersistAsync(job with { Status = status, FinishedAt = _time.GetUtcNow(), Reason = reason, NextAttemptAt = null });
        LogFinished(_logger, JobId, status, reason);
        await ForgetAsync();
    }

    /// <summary>Exponential back-off with jitter: base × 2^(failures-1), capped, ±20 %.</summary>
    private TimeSpan RetryDelay(int failures)
    {
        var exponent = Math.Min(Math.Max(failures - 1, 0), 16);
        var delay = Math.Min(_options.RetryBackoff.TotalMilliseconds * Math.Pow(2, exponent), _options.MaxRetryBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(delay * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    /// <summary>Puts the job in the scheduler's queue. A failure is logged, not thrown: the job is durable and the scheduler recovers it from the store.</summary>
    private async Task EnqueueAsync(DateTimeOffset? notBefore)
    {
        try
        {
            await Scheduler.EnqueueAsync(JobId, _job!.Spec.Submitter, _options.DemandOf(_job.Spec), notBefore);
        }
        catch (Exception ex)
        {
            LogSchedulerCallFailed(_logger, JobId, "enqueue", ex);
        }
    }

    private async Task ForgetAsync()
    {
        try
        {
            await Scheduler.ForgetAsync(JobId);
        }
        catch (Exception ex)
        {
            LogSchedulerCallFailed(_logger, JobId, "forget", ex);
        }
    }
}
