using Actors.GrainInterfaces.Jobs;
using Actors.Runtime.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Jobs.Executors;

/// <summary>
/// Activates this silo's executor node once the silo serves, so it removes orphans and reports to the scheduler
/// without waiting for a first job, and says in the log whether jobs can run here and why not. After a crash the
/// node's old activation may still be registered on the dead silo until the cluster declares it dead, so the first
/// tries can fail: it keeps trying in the background until the node answers or the silo stops.
/// </summary>
internal sealed partial class ExecutorNodeActivator(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IOptions<ExecutorOptions> options,
    TimeProvider time,
    ILogger<ExecutorNodeActivator> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeProvider _time = time;
    private Task _activation = Task.CompletedTask;
    private readonly IGrainFactory _grains = grains;
    private readonly ILocalSiloDetails _silo = silo;
    private readonly ExecutorOptions _options = options.Value;
    private readonly ILogger<ExecutorNodeActivator> _logger = logger;

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        if (_options.Enabled)
        {
            lifecycle.Subscribe(nameof(ExecutorNodeActivator), SiloLifecycleStage.Active, StartAsync, StopAsync);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    private Task StartAsync(CancellationToken cancellationToken)
    {
        // Not awaited: the silo serves (status, coordination) whether or not the node answers yet.
        _activation = ActivateUntilAnsweredAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _activation.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ActivateUntilAnsweredAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; !cancellationToken.IsCancellationRequested; attempt++)
        {
            if (await TryActivateAsync(attempt, cancellationToken))
            {
                return;
            }

            try
            {
                await Task.Delay(RetryPeriod, _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> TryActivateAsync(int attempt, CancellationToken cancellationToken)
    {
        try
        {
            // A short deadline: a call stuck on the dead silo's registration is retried rather than waited out.
            var status = await _grains.GetGrain<IExecutorNodeGrain>(_silo.NodeName).WithResponseTimeout(AnswerTimeout).GetStatusAsync();
            if (status.EngineAvailable)
            {
                LogReady(_logger, status.Node, status.EngineDetail, status.Images.Count);
            }
            else
            {
                LogNoEngine(_logger, status.Node, status.EngineDetail);
            }

            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogActivationFailed(_logger, _silo.NodeName, attempt, ex);
            return false;
        }
    }

    [LoggerMessage(EventId = JobEventIds.NodeReady, Level = LogLevel.Information, Message = "Executor node {Node} runs jobs on {Engine} ({Images} images present).")]
    private static partial void LogReady(ILogger logger, string node, string? engine, int images);

    [LoggerMessage(EventId = JobEventIds.NodeWithoutEngine, Level = LogLevel.Warning, Message = "Executor node {Node} cannot run jobs: {Reason}. Jobs queue until an engine is reachable (start one with 'bash scripts/docker.sh start').")]
    private static partial void LogNoEngine(ILogger logger, string node, string? reason);

    [LoggerMessage(EventId = JobEventIds.NodeActivationRetry, Level = LogLevel.Warning, Message = "Executor node {Node} did not answer (try {Attempt}); trying again.")]
    private static partial void LogActivationFailed(ILogger logger, string node, int attempt, Exception exception);
}
