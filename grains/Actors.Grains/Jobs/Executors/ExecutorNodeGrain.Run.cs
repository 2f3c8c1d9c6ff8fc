using System.Globalization;
using System.Text;
using Actors.GrainInterfaces.Jobs;
using Actors.Grains.Containers;

namespace Actors.Grains.Jobs.Executors;

internal sealed partial class ExecutorNodeGrain
{
    private const int CompletionReportTries = 8;

    private async Task RunAttemptAsync(RunningAttempt attempt)
    {
        LogAttemptStarting(_logger, attempt.JobId, attempt.Attempt, NodeName, attempt.Assignment.Spec.Image);
        var result = await ExecuteAsync(attempt);
        LogAttemptEnded(_logger, attempt.JobId, attempt.Attempt, result.Outcome, result.ExitCode, result.Error);

        // The slot is free once the container has exited; the capacity is free once the Task grain has the result.
        attempt.Running = false;
        StartWaiting();
        await ReportCompletionAsync(attempt, result);
        if (_attempts.TryGetValue(attempt.JobId, out var current) && ReferenceEquals(current, attempt))
        {
            _attempts.Remove(attempt.JobId);
        }

        attempt.Dispose();
        StartWaiting();
        _ = ReportAsync();
    }

    /// <summary>Runs the container and turns every way it can end into an <see cref="AttemptResult"/>.</summary>
    private async Task<AttemptResult> ExecuteAsync(RunningAttempt attempt)
    {
        var spec = attempt.Assignment.Spec;
        DateTimeOffset? startedAt = null;
        try
        {
            var input = await LoadInputAsync(attempt);
            var request = BuildRequest(attempt, input);
            var task = GrainFactory.GetGrain<ITaskGrain>(attempt.JobId);
            var token = attempt.Cancellation.Token;
            var run = await Task.Run(
                () => _runtime.RunAsync(
                    request,
                    async _ =>
                    {
                        startedAt = _time.GetUtcNow();
                        if (!await task.AttemptStartedAsync(attempt.Attempt, startedAt.Value))
                        {
                            // Superseded or cancelled meanwhile: nobody wants this container.
                            await attempt.Cancellation.CancelAsync();
                        }
                    },
                    token),
                CancellationToken.None);

            // The output is stored before the result is reported: an accepted result always has its bytes.
            await _store.PutOutputAsync(attempt.JobId, attempt.Attempt, run.Stdout, CancellationToken.None);
            return new AttemptResult(
                Map(run.Exit),
                run.ExitCode,
                Describe(run, spec),
                StderrText(run.StderrTail),
                run.Stdout.Length,
                run.StdoutTruncated,
                run.StartedAt,
                run.FinishedAt);
        }
        catch (ContainerImageNotFoundException ex)
        {
            return Infrastructure(ex.Message, startedAt, permanent: true);
        }
        catch (ContainerEngineUnavailableException ex)
        {
            _engine = null;
            _engineError = ex.Message;
            return Infrastructure(ex.Message, startedAt, permanent: false);
        }
        catch (InvalidJobInputException ex)
        {
            return Infrastructure(ex.Message, startedAt, permanent: true);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An engine or store failure: the node is fine in principle, the Task grain decides whether to retry.
            return Infrastructure($"Node '{NodeName}' failed to run the attempt: {ex.Message}", startedAt, permanent: false);
        }
    }

    private AttemptResult Infrastructure(string error, DateTimeOffset? startedAt, bool permanent) =>
        new(AttemptOutcome.InfrastructureError, null, error, null, 0, false, startedAt, _time.GetUtcNow(), permanent);

    private async Task<byte[]> LoadInputAsync(RunningAttempt attempt)
    {
        var spec = attempt.Assignment.Spec;
        if (spec.InlineInput is { } inline)
        {
            return inline;
        }

        if (spec.InputLength == 0)
        {
            return [];
        }

        return await _store.GetInputAsync(attempt.JobId, CancellationToken.None)
            ?? throw new InvalidJobInputException($"The input of job '{attempt.JobId}' ({spec.InputLength} bytes) is missing from the job store.");
    }

    private ContainerRunRequest BuildRequest(RunningAttempt attempt, byte[] input)
    {
        var spec = attempt.Assignment.Spec;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ContainerLabels.Managed] = "true",
            [ContainerLabels.Node] = NodeName,
            [ContainerLabels.Job] = attempt.JobId,
            [ContainerLabels.Attempt] = attempt.Attempt.ToString(CultureInfo.InvariantCulture),
        };
        return new ContainerRunRequest(
            spec.Image,
            spec.Command,
            spec.Env,
            input,
            TimeSpan.FromSeconds(spec.TimeoutSeconds),
            NanoCpus: (long)(attempt.Demand.Cpus * 1_000_000_000),
            MemoryBytes: attempt.Demand.MemoryMb * 1024L * 1024,
            PidsLimit: _options.PidsLimit,
            TmpfsBytes: _options.TmpfsMb * 1024L * 1024,
            StdoutCapBytes: _options.StdoutCapBytes,
            StderrTailBytes: JobLimits.StderrTailBytes,
            labels);
    }

    /// <summary>The stderr tail as text; NUL characters become U+FFFD, since the job store (jsonb) cannot keep them.</summary>
    private static string? StderrText(byte[] tail) =>
        tail.Length == 0 ? null : Encoding.UTF8.GetString(tail).Replace('\0', '\uFFFD');

    private static AttemptOutcome Map(ContainerExit exit) => exit switch
    {
        ContainerExit.Exited => AttemptOutcome.Exited,
        ContainerExit.TimedOut => AttemptOutcome.TimedOut,
        ContainerExit.OutOfMemory => AttemptOutcome.OutOfMemory,
        _ => AttemptOutcome.Cancelled,
    };

    private static string? Describe(ContainerRunResult run, JobSpec spec) => run.Exit switch
    {
        ContainerExit.Exited when run.ExitCode == 0 => null,
        ContainerExit.Exited => $"The container exited with code {run.ExitCode}.",
        ContainerExit.TimedOut => $"Killed after the {spec.TimeoutSeconds} s timeout.",
        ContainerExit.OutOfMemory => "Killed by the kernel: out of memory.",
        _ => "The attempt was cancelled.",
    };

    /// <summary>
    /// Reports the end to the Task grain, retrying through transient failures (its silo may be failing over). A
    /// rejection (false) is final: the attempt was superseded and its result does not count.
    /// </summary>
    private async Task ReportCompletionAsync(RunningAttempt attempt, AttemptResult result)
    {
        var task = GrainFactory.GetGrain<ITaskGrain>(attempt.JobId);
        var delay = TimeSpan.FromMilliseconds(250);
        for (var tryNumber = 1; ; tryNumber++)
        {
            try
            {
                await task.CompleteAttemptAsync(attempt.Attempt, result);
                return;
            }
            catch (Exception ex) when (tryNumber < CompletionReportTries)
            {
                LogCompletionFailed(_logger, attempt.JobId, attempt.Attempt, tryNumber, ex);
                await Task.Delay(delay, _time);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(8).Ticks));
            }
            catch (Exception ex)
            {
                // Given up: the scheduler sees the attempt missing from this node's reports and declares it lost.
                LogCompletionFailed(_logger, attempt.JobId, attempt.Attempt, tryNumber, ex);
                return;
            }
        }
    }
}
