using Actors.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Hosting;

/// <summary>Runs the subscribed observers stage by stage: all of one stage before any of the next.</summary>
internal sealed partial class SiloLifecycle(ILogger<SiloLifecycle> logger) : ISiloLifecycle
{
    private readonly ILogger<SiloLifecycle> _logger = logger;
    private readonly List<Observer> _observers = [];
    private int _highestStarted = int.MinValue;

    public void Subscribe(string observerName, int stage, Func<CancellationToken, Task> onStart, Func<CancellationToken, Task>? onStop = null)
    {
        lock (_observers)
        {
            _observers.Add(new Observer(observerName, stage, onStart, onStop));
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var stage in Stages().Order())
        {
            var observers = ObserversOf(stage);
            try
            {
                await Task.WhenAll(observers.Select(o => o.OnStart(cancellationToken))).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Log.StageFailed(_logger, stage, "start", string.Join(", ", observers.Select(o => o.Name)), ex);
                throw;
            }

            _highestStarted = stage;
        }
    }

    /// <summary>Stops the started stages in reverse. A failing observer is logged and the stop goes on.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var stage in Stages().Where(s => s <= _highestStarted).OrderDescending())
        {
            var observers = ObserversOf(stage).Where(o => o.OnStop is not null).ToList();
            try
            {
                await Task.WhenAll(observers.Select(o => o.OnStop!(cancellationToken))).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Log.StageFailed(_logger, stage, "stop", string.Join(", ", observers.Select(o => o.Name)), ex);
            }
        }
    }

    private List<int> Stages()
    {
        lock (_observers)
        {
            return [.. _observers.Select(o => o.Stage).Distinct()];
        }
    }

    private List<Observer> ObserversOf(int stage)
    {
        lock (_observers)
        {
            return [.. _observers.Where(o => o.Stage == stage)];
        }
    }

    private sealed record Observer(string Name, int Stage, Func<CancellationToken, Task> OnStart, Func<CancellationToken, Task>? OnStop);

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.LifecycleStageFailed, LogLevel.Error, "Silo lifecycle stage {Stage} failed to {Action} ({Observers})")]
        public static partial void StageFailed(ILogger logger, int stage, string action, string observers, Exception exception);
    }
}
