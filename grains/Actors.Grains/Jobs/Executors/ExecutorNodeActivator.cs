using Actors.GrainInterfaces.Jobs;
using Actors.Runtime.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Jobs.Executors;

/// <summary>
/// Activates this silo's executor node once the silo serves, so it removes orphans and reports to the scheduler
/// without waiting for a first job, and says in the log whether jobs can run here and why not.
/// </summary>
internal sealed partial class ExecutorNodeActivator(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IOptions<ExecutorOptions> options,
    ILogger<ExecutorNodeActivator> logger) : ILifecycleParticipant<ISiloLifecycle>
{
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
            lifecycle.Subscribe(nameof(ExecutorNodeActivator), SiloLifecycleStage.Active, ActivateAsync);
        }
    }

    private async Task ActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var status = await _grains.GetGrain<IExecutorNodeGrain>(_silo.NodeName).GetStatusAsync();
            if (status.EngineAvailable)
            {
                LogReady(_logger, status.Node, status.EngineDetail, status.Images.Count);
            }
            else
            {
                LogNoEngine(_logger, status.Node, status.EngineDetail);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The silo still serves (status, coordination); the node activates at its first job.
            LogActivationFailed(_logger, _silo.NodeName, ex);
        }
    }

    [LoggerMessage(EventId = 7247, Level = LogLevel.Information, Message = "Executor node {Node} runs jobs on {Engine} ({Images} images present).")]
    private static partial void LogReady(ILogger logger, string node, string? engine, int images);

    [LoggerMessage(EventId = 7248, Level = LogLevel.Warning, Message = "Executor node {Node} cannot run jobs: {Reason}. Jobs queue until an engine is reachable (start one with 'bash scripts/docker.sh start').")]
    private static partial void LogNoEngine(ILogger logger, string node, string? reason);

    [LoggerMessage(EventId = 7249, Level = LogLevel.Warning, Message = "Executor node {Node} did not activate at start; it will at its first job.")]
    private static partial void LogActivationFailed(ILogger logger, string node, Exception exception);
}
