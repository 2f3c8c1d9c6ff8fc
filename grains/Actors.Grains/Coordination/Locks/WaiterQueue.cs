namespace Actors.Grains.Coordination.Locks;

/// <summary>
/// First-come-first-served waiters of a reentrant coordination grain (lock, semaphore and election candidates): each
/// waiter is a request plus a completion its caller awaits. The owning grain completes waiters only after it persisted
/// what they get; a waiter that times out is withdrawn through the grain's "one change at a time" section, so a grant
/// being persisted meanwhile wins over the timeout. Not thread-safe: use it from the owning grain's turns.
/// </summary>
/// <typeparam name="TRequest">What a waiter asks for.</typeparam>
/// <typeparam name="TResult">What its caller gets.</typeparam>
internal sealed class WaiterQueue<TRequest, TResult>
{
    private readonly LinkedList<Waiter> _waiters = new();

    /// <summary>How many wait.</summary>
    public int Count => _waiters.Count;

    /// <summary>The waiters, first first (a snapshot: completing while iterating is allowed).</summary>
    public IReadOnlyList<Waiter> InOrder => [.. _waiters];

    /// <summary>Queues a request at the end.</summary>
    public Waiter Enqueue(TRequest request, DateTimeOffset since)
    {
        var waiter = new Waiter(request, since);
        waiter.Node = _waiters.AddLast(waiter);
        return waiter;
    }

    /// <summary>True when a queued request matches.</summary>
    public bool Any(Func<TRequest, bool> match)
    {
        foreach (var waiter in _waiters)
        {
            if (match(waiter.Request))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes the waiter and answers its caller; false when it was answered before.</summary>
    public bool Complete(Waiter waiter, TResult result)
    {
        ArgumentNullException.ThrowIfNull(waiter);
        if (waiter.Node?.List is null)
        {
            return false;
        }

        _waiters.Remove(waiter.Node);
        return waiter.Completion.TrySetResult(result);
    }

    /// <summary>Removes and answers every waiter whose request matches; returns how many.</summary>
    public int CompleteWhere(Func<TRequest, bool> match, TResult result)
    {
        var count = 0;
        foreach (var waiter in InOrder)
        {
            if (match(waiter.Request) && Complete(waiter, result))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Fails every waiter (the activation is going away: callers retry and reach the next activation).</summary>
    public void FailAll(Exception error)
    {
        foreach (var waiter in InOrder)
        {
            _waiters.Remove(waiter.Node!);
            waiter.Completion.TrySetException(error);
        }
    }

    /// <summary>
    /// Waits up to <paramref name="wait"/> for the waiter's answer; when the wait passes first, answers what
    /// <paramref name="onTimeout"/> decides (it runs inside the grain's change section and withdraws the waiter, unless
    /// an answer came meanwhile).
    /// </summary>
    public static async Task<TResult> WaitAsync(Waiter waiter, TimeSpan wait, TimeProvider time, Func<Waiter, Task<TResult>> onTimeout)
    {
        ArgumentNullException.ThrowIfNull(waiter);
        ArgumentNullException.ThrowIfNull(onTimeout);
        if (!waiter.Result.IsCompleted)
        {
            using var stop = new CancellationTokenSource();
            var delay = Task.Delay(wait, time, stop.Token);
            var first = await Task.WhenAny(waiter.Result, delay);
            await stop.CancelAsync();
            if (first != waiter.Result)
            {
                return await onTimeout(waiter);
            }
        }

        return await waiter.Result;
    }

    /// <summary>One queued request.</summary>
    internal sealed class Waiter(TRequest request, DateTimeOffset since)
    {
        /// <summary>What it asks for.</summary>
        public TRequest Request { get; } = request;

        /// <summary>When it started waiting.</summary>
        public DateTimeOffset Since { get; } = since;

        /// <summary>Its answer, once given.</summary>
        public Task<TResult> Result => Completion.Task;

        internal TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal LinkedListNode<Waiter>? Node { get; set; }
    }
}
