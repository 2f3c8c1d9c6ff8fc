using System.Collections.Concurrent;
using System.Diagnostics;
using Actors.Client.Tests.Grains;

namespace Actors.Client.Tests.Support;

/// <summary>
/// A few workers calling grains in a loop until stopped, bounded in calls and in time, recording every outcome.
/// </summary>
internal sealed class CallLoad
{
    private readonly ConcurrentQueue<Exception> _errors = new();
    private readonly Task _run;
    private int _succeeded;
    private volatile bool _stopped;

    public CallLoad(ClusterClient client, IReadOnlyList<string> keys, int workers = 4, int maxCalls = 5_000, TimeSpan? maxTime = null)
    {
        var limit = maxTime ?? TimeSpan.FromSeconds(60);
        _run = Task.WhenAll(Enumerable.Range(0, workers).Select(w => RunWorkerAsync(client, keys, w, maxCalls / workers, limit)));
    }

    public int Succeeded => Volatile.Read(ref _succeeded);

    public IReadOnlyCollection<Exception> Errors => _errors;

    /// <summary>Stops the workers and waits for their last calls.</summary>
    public async Task StopAsync()
    {
        _stopped = true;
        await Wait.ForAsync(_run, "the call load to stop");
    }

    private async Task RunWorkerAsync(ClusterClient client, IReadOnlyList<string> keys, int worker, int maxCalls, TimeSpan limit)
    {
        await Task.Yield();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < maxCalls && !_stopped && clock.Elapsed < limit; i++)
        {
            var key = keys[(worker * 7 + i) % keys.Count];
            try
            {
                var echoed = await client.GetGrain<IEchoGrain>(key).EchoAsync("n" + i);
                if (echoed != $"{key}:n{i}")
                {
                    throw new InvalidOperationException($"Call {i} of worker {worker} answered '{echoed}'.");
                }

                Interlocked.Increment(ref _succeeded);
            }
            catch (Exception ex)
            {
                _errors.Enqueue(ex);
            }
        }
    }
}
