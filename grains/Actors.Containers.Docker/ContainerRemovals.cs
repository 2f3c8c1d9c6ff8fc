using System.Collections.Concurrent;
using Actors.Grains.Containers;
using Microsoft.Extensions.Logging;

namespace Actors.Containers.Docker;

/// <summary>
/// Removes containers after their runs, off the run's path: a result does not wait for the engine to delete the
/// container (tens of milliseconds on a busy engine). Each removal is tried a few times; <see cref="DisposeAsync"/>
/// waits (bounded) for the removals in flight. A container still left after that (engine gone, process killed)
/// carries its labels, and the executor node removes it as an orphan at its next start.
/// </summary>
internal sealed partial class ContainerRemovals : IAsyncDisposable
{
    private readonly Func<string, CancellationToken, Task> _remove;
    private readonly IReadOnlyList<TimeSpan> _retryDelays;
    private readonly TimeSpan _disposeTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Task> _pending = new(StringComparer.Ordinal);

    /// <summary>Creates the removals.</summary>
    /// <param name="remove">Removes one container (the engine call); a failure is retried.</param>
    /// <param name="retryDelays">The pauses before the second, third, ... try; the number of tries is one more than their count.</param>
    /// <param name="disposeTimeout">How long <see cref="DisposeAsync"/> waits for the removals in flight.</param>
    /// <param name="time">The clock of the pauses.</param>
    /// <param name="logger">Logs removals given up on.</param>
    public ContainerRemovals(Func<string, CancellationToken, Task> remove, IReadOnlyList<TimeSpan> retryDelays, TimeSpan disposeTimeout, TimeProvider time, ILogger logger)
    {
        _remove = remove ?? throw new ArgumentNullException(nameof(remove));
        _retryDelays = retryDelays ?? throw new ArgumentNullException(nameof(retryDelays));
        _disposeTimeout = disposeTimeout;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Removals scheduled and not yet finished (succeeded or given up).</summary>
    public int Pending => _pending.Count;

    /// <summary>Starts removing <paramref name="containerId"/> in the background; returns at once.</summary>
    public void Schedule(string containerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);

        // Registered before it starts, and unregistered before it completes, so DisposeAsync never misses one.
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(containerId, done.Task))
        {
            return; // already being removed
        }

        _ = RemoveAsync(containerId, done);
    }

    /// <summary>Waits up to the dispose timeout for the removals in flight; logs the ones still unfinished.</summary>
    public async ValueTask DisposeAsync()
    {
        var pending = _pending.Values.ToArray();
        if (pending.Length == 0)
        {
            return;
        }

        try
        {
            await Task.WhenAll(pending).WaitAsync(_disposeTimeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.RemovalsUnfinished(_logger, _pending.Count, _disposeTimeout);
        }
    }

    private async Task RemoveAsync(string containerId, TaskCompletionSource done)
    {
        // Off the caller's stack: the caller's result is not held up by even the first engine round trip.
        await Task.Yield();
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await _remove(containerId, CancellationToken.None).ConfigureAwait(false);
                    return;
                }
                catch (ContainerRuntimeException ex) when (attempt < _retryDelays.Count)
                {
                    await Task.Delay(_retryDelays[attempt], _time).ConfigureAwait(false);
                    Log.RemoveRetrying(_logger, containerId, attempt + 2, ex.Message);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Out of tries, or a failure no retry heals (the runtime is being disposed): the orphan sweep's turn.
                    Log.RemoveFailed(_logger, containerId, attempt + 1, ex);
                    return;
                }
            }
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<string, Task>(containerId, done.Task));
            done.SetResult();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(DockerEventIds.RemoveFailed, LogLevel.Warning, "Could not remove container {ContainerId} ({Tries} tries); it stays until removed by its labels")]
        public static partial void RemoveFailed(ILogger logger, string containerId, int tries, Exception exception);

        [LoggerMessage(DockerEventIds.RemoveRetrying, LogLevel.Debug, "Removing container {ContainerId} again (try {Try}): {Reason}")]
        public static partial void RemoveRetrying(ILogger logger, string containerId, int @try, string reason);

        [LoggerMessage(DockerEventIds.RemovalsUnfinished, LogLevel.Warning, "{Count} containers were still being removed {Timeout} after the runtime was asked to stop; the executor node removes them as orphans at its next start")]
        public static partial void RemovalsUnfinished(ILogger logger, int count, TimeSpan timeout);
    }
}
