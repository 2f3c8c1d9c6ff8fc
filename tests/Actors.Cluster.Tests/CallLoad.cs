using System.Collections.Concurrent;
using System.Diagnostics;
using Actors.Cluster.TestGrains;

namespace Actors.Cluster.Tests;

/// <summary>
/// A steady, bounded call load through the cluster client: callers increment durable counters in closed loops
/// and count what succeeded per counter, so a test can check afterwards that no call was lost or doubled.
/// </summary>
internal sealed class CallLoad : IAsyncDisposable
{
    private const int MaxCalls = 200_000;

    private readonly IGrainFactory _grains;
    private readonly int _counters;
    private readonly CancellationTokenSource _stop;
    private readonly ConcurrentDictionary<string, long> _succeeded = new();
    private readonly ConcurrentQueue<Exception> _failures = new();
    private readonly Task[] _callers;
    private long _calls;

    public CallLoad(IGrainFactory grains, string prefix, int callers, int counters, TimeSpan maxDuration)
    {
        _grains = grains;
        _counters = counters;
        Prefix = prefix;
        _stop = new CancellationTokenSource(maxDuration);
        _callers = [.. Enumerable.Range(0, callers).Select(i => Task.Run(() => CallAsync(i)))];
    }

    public string Prefix { get; }

    public long Calls => Interlocked.Read(ref _calls);

    public IReadOnlyCollection<Exception> Failures => _failures;

    public IReadOnlyDictionary<string, long> Succeeded => _succeeded;

    /// <summary>Waits until <paramref name="more"/> further calls succeeded (bounded by <paramref name="timeout"/>).</summary>
    public async Task WaitForCallsAsync(long more, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var target = Calls + more;
        var elapsed = Stopwatch.StartNew();
        while (Calls < target)
        {
            if (elapsed.Elapsed > timeout || _stop.IsCancellationRequested)
            {
                throw new TimeoutException($"The load made only {Calls} calls of {target} within {timeout}; failures: {string.Join("; ", _failures.Take(3).Select(f => f.Message))}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_callers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task CallAsync(int caller)
    {
        var sequence = caller;
        while (!_stop.IsCancellationRequested && Interlocked.Read(ref _calls) < MaxCalls)
        {
            var key = Prefix + (sequence++ % _counters);
            try
            {
                await _grains.GetGrain<ICounterGrain>(key).IncrementAsync();
                _succeeded.AddOrUpdate(key, 1, static (_, n) => n + 1);
                Interlocked.Increment(ref _calls);
            }
            catch (Exception ex)
            {
                _failures.Enqueue(ex);
            }
        }
    }
}
