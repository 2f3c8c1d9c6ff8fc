using Actors.GrainInterfaces.Jobs;
using Actors.Grains.Containers;
using Actors.Grains.Jobs.Scheduling;
using Actors.Grains.Jobs.Storage;
using Actors.Placement;
using Actors.Timers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Jobs.Executors;

/// <summary>
/// One executor node (key = node name), pinned to that node's silo, where it drives the local container engine.
/// Runs each attempt in a hardened container, writes its stdout to the job store, reports the end to the Task grain
/// (presenting the attempt number), and reports its load to the scheduler. On activation it removes the containers
/// a previous process of this node left behind.
/// </summary>
[NodePinnedPlacement]
internal sealed partial class ExecutorNodeGrain : Grain, IExecutorNodeGrain
{
    private readonly IContainerRuntime _runtime;
    private readonly IJobStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<ExecutorNodeGrain> _logger;
    private readonly ExecutorOptions _options;
    private readonly JobSchedulerOptions _jobs;
    private readonly Dictionary<string, RunningAttempt> _attempts = new(StringComparer.Ordinal);
    private readonly Queue<RunningAttempt> _waiting = new();
    private ContainerEngineInfo? _engine;
    private string? _engineError;
    private IReadOnlyList<string> _images = [];
    private bool _reporting;
    private bool _reportAgain;

    public ExecutorNodeGrain(
        IContainerRuntime runtime,
        IJobStore store,
        IOptions<ExecutorOptions> options,
        IOptions<JobSchedulerOptions> jobs,
        TimeProvider time,
        ILogger<ExecutorNodeGrain> logger)
    {
        _runtime = runtime;
        _store = store;
        _time = time;
        _logger = logger;
        _options = options.Value;
        _jobs = jobs.Value;
    }

    private string NodeName => this.GetPrimaryKeyString();

    private int RunningCount => _attempts.Values.Count(a => a.Running);

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await RefreshEngineAsync(cancellationToken);
        LogActivated(_logger, NodeName, _engine?.Version ?? "unavailable", _options.Cpus, _options.MemoryMb, _options.Slots);
        if (_engine is not null)
        {
            await RemoveOrphansAsync(cancellationToken);
        }

        RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(_options.ReportPeriod, _options.ReportPeriod) { KeepAlive = true, Interleave = true });
        _ = ReportAsync();
    }

    /// <inheritdoc />
    public Task<NodeStatus> GetStatusAsync() => Task.FromResult(Status());

    /// <inheritdoc />
    public async Task<StartAttemptResult> StartAsync(JobAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (_attempts.TryGetValue(assignment.JobId, out var existing))
        {
            if (existing.Attempt == assignment.Attempt)
            {
                return StartAttemptResult.AlreadyRunning;
            }

            // An older attempt of the same job is superseded: kill it, its result would be rejected anyway.
            await existing.Cancellation.CancelAsync();
        }

        if (_engine is null)
        {
            await RefreshEngineAsync(CancellationToken.None);
            if (_engine is null)
            {
                return StartAttemptResult.EngineUnavailable;
            }
        }

        var demand = _jobs.DemandOf(assignment.Spec);
        if (demand.Cpus > _options.JobCpusLimit + 1e-9 || demand.MemoryMb > _options.JobMemoryLimitMb)
        {
            return StartAttemptResult.TooLarge;
        }

        if (RunningCount >= _options.Slots && _waiting.Count >= _options.Slots * 2)
        {
            return StartAttemptResult.NoCapacity;
        }

        var attempt = new RunningAttempt(assignment, demand, _time.GetUtcNow());
        _attempts[assignment.JobId] = attempt;
        _waiting.Enqueue(attempt);
        StartWaiting();
        _ = ReportAsync();
        return StartAttemptResult.Started;
    }

    /// <inheritdoc />
    public async Task<bool> CancelAsync(string jobId, int attempt)
    {
        if (!_attempts.TryGetValue(jobId, out var running) || running.Attempt != attempt)
        {
            return false;
        }

        await running.Cancellation.CancelAsync();
        return true;
    }

    /// <summary>Starts waiting attempts while slots are free.</summary>
    private void StartWaiting()
    {
        while (RunningCount < _options.Slots && _waiting.TryDequeue(out var next))
        {
            if (next.Cancellation.IsCancellationRequested && !ReferenceEquals(_attempts.GetValueOrDefault(next.JobId), next))
            {
                continue;
            }

            next.Running = true;

            // Not awaited: the run resumes on this activation between requests; the container work itself runs on the pool.
            _ = RunAttemptAsync(next);
        }
    }

    private NodeStatus Status()
    {
        var held = _attempts.Values;
        var free = new NodeCapacity(
            Math.Max(0, _options.Cpus - held.Sum(a => a.Demand.Cpus)),
            Math.Max(0, _options.MemoryMb - held.Sum(a => a.Demand.MemoryMb)),
            Math.Max(0, _options.Slots - held.Count));
        return new NodeStatus(
            NodeName,
            RuntimeIdentity,
            _engine is not null,
            _engine is { } engine ? $"Docker {engine.Version} (API {engine.ApiVersion})" : _engineError,
            new NodeCapacity(_options.Cpus, _options.MemoryMb, _options.Slots),
            free,
            [.. held.Select(a => a.ToRunningJob())],
            _images,
            _engine?.Registry is not null,
            Online: true,
            _time.GetUtcNow());
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        await RefreshEngineAsync(cancellationToken);
        await ReportAsync();
    }

    private async Task RefreshEngineAsync(CancellationToken cancellationToken)
    {
        try
        {
            var engine = await Task.Run(() => _runtime.PingAsync(cancellationToken), cancellationToken);
            _images = await Task.Run(() => _runtime.ListImagesAsync(cancellationToken), cancellationToken);
            _engine = engine;
            _engineError = null;
        }
        catch (ContainerRuntimeException ex)
        {
            if (_engine is not null || _engineError is null)
            {
                LogEngineUnavailable(_logger, NodeName, ex.Message);
            }

            _engine = null;
            _engineError = ex.Message;
        }
    }

    private async Task RemoveOrphansAsync(CancellationToken cancellationToken)
    {
        // Nothing runs yet in this activation: every container labelled with this node is left from an earlier process.
        var labels = new Dictionary<string, string> { [ContainerLabels.Managed] = "true", [ContainerLabels.Node] = NodeName };
        try
        {
            var orphans = await Task.Run(() => _runtime.ListAsync(labels, cancellationToken), cancellationToken);
            foreach (var orphan in orphans)
            {
                await Task.Run(() => _runtime.RemoveAsync(orphan.Id, cancellationToken), cancellationToken);
            }

            if (orphans.Count > 0)
            {
                LogOrphansRemoved(_logger, NodeName, orphans.Count);
            }
        }
        catch (ContainerRuntimeException ex)
        {
            LogEngineUnavailable(_logger, NodeName, ex.Message);
        }
    }

    /// <summary>Reports to the scheduler; reports asked for while one is in flight coalesce into one more.</summary>
    private async Task ReportAsync()
    {
        if (_reporting)
        {
            _reportAgain = true;
            return;
        }

        _reporting = true;
        try
        {
            do
            {
                _reportAgain = false;
                try
                {
                    await GrainFactory.GetGrain<IJobSchedulerGrain>(IJobSchedulerGrain.DefaultKey).ReportNodeAsync(Status());
                }
                catch (Exception ex)
                {
                    LogReportFailed(_logger, NodeName, ex);
                    return;
                }
            }
            while (_reportAgain);
        }
        finally
        {
            _reporting = false;
        }
    }
}
