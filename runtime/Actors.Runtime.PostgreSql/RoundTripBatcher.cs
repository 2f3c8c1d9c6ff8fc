using System.Collections.Concurrent;

namespace Actors.Runtime.PostgreSql;

/// <summary>
/// Shares database round trips among concurrent callers: a lone caller runs at once, and whatever arrives while a
/// round trip is in flight runs together in the next one (up to a batch size), so under load many callers share one
/// statement and one commit while nobody waits for a timer.
/// </summary>
/// <typeparam name="TRequest">One caller's request.</typeparam>
/// <typeparam name="TResult">Its answer.</typeparam>
internal sealed class RoundTripBatcher<TRequest, TResult>
{
    private readonly Func<IReadOnlyList<TRequest>, Task<TResult[]>> _execute;
    private readonly int _maxBatchSize;
    private readonly ConcurrentQueue<Pending> _queue = new();
    private int _draining;
    private long _roundTrips;

    /// <param name="execute">Runs a batch in one round trip; answers in the order of the requests. Throwing fails every caller of the batch.</param>
    /// <param name="maxBatchSize">The most requests one round trip carries.</param>
    public RoundTripBatcher(Func<IReadOnlyList<TRequest>, Task<TResult[]>> execute, int maxBatchSize)
    {
        ArgumentNullException.ThrowIfNull(execute);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        _execute = execute;
        _maxBatchSize = maxBatchSize;
    }

    /// <summary>Round trips run so far.</summary>
    public long RoundTrips => Interlocked.Read(ref _roundTrips);

    /// <summary>Runs <paramref name="request"/> in the next round trip and returns its answer.</summary>
    public Task<TResult> RunAsync(TRequest request)
    {
        var pending = new Pending(request);
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            _ = DrainAsync();
        }

        return pending.Completion.Task;
    }

    // One drain loop at a time. It clears the flag only when the queue looks empty, then checks again: a request
    // queued between its last look and the clear would otherwise wait for the next caller.
    private async Task DrainAsync()
    {
        var batch = new List<Pending>(_maxBatchSize);
        var requests = new List<TRequest>(_maxBatchSize);
        while (true)
        {
            while (batch.Count < _maxBatchSize && _queue.TryDequeue(out var pending))
            {
                batch.Add(pending);
                requests.Add(pending.Request);
            }

            if (batch.Count == 0)
            {
                Volatile.Write(ref _draining, 0);
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            await RunBatchAsync(batch, requests).ConfigureAwait(false);
            batch.Clear();
            requests.Clear();
        }
    }

    // Completes every caller of the batch, one way or another, and never throws.
    private async Task RunBatchAsync(List<Pending> batch, List<TRequest> requests)
    {
        Interlocked.Increment(ref _roundTrips);
        try
        {
            var results = await _execute(requests).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(ex);
            }
        }
    }

    private sealed class Pending(TRequest request)
    {
        public TRequest Request { get; } = request;

        // Callers continue off the drain loop, so one slow continuation does not hold up the next round trip.
        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
