using Actors.Runtime.Diagnostics;
using Actors.Runtime.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Runtime.Activations;

/// <summary>Every collection quantum, deactivates activations idle longer than their collection age.</summary>
internal sealed partial class ActivationCollector(
    Catalog catalog,
    TimeProvider time,
    IOptions<ActivationOptions> options,
    ILogger<ActivationCollector> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly Catalog _catalog = catalog;
    private readonly TimeProvider _time = time;
    private readonly ActivationOptions _options = options.Value;
    private readonly ILogger<ActivationCollector> _logger = logger;
    private ITimer? _timer;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ActivationCollector), SiloLifecycleStage.RuntimeServices, StartAsync, StopAsync);

    public void Dispose() => _timer?.Dispose();

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = _time.CreateTimer(static s => ((ActivationCollector)s!).Collect(), this, _options.CollectionQuantum, _options.CollectionQuantum);
        return Task.CompletedTask;
    }

    private Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    private void Collect()
    {
        var collected = _catalog.CollectIdle(_time.GetTimestamp());
        if (collected > 0)
        {
            Log.Collected(_logger, collected);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.IdleActivationsCollected, LogLevel.Debug, "Deactivating {Count} idle activations")]
        public static partial void Collected(ILogger logger, int count);
    }
}
