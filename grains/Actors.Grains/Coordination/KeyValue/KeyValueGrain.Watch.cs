using Actors.GrainInterfaces.Coordination.KeyValue;

namespace Actors.Grains.Coordination.KeyValue;

/// <summary>Watches: the committed changes of a key or prefix from a revision on, from memory or the store's history.</summary>
internal sealed partial class KeyValueGrain
{
    /// <inheritdoc />
    public async Task<KvWatchBatch> WatchAsync(KvWatchRequest request)
    {
        KvArguments.ValidateWatch(request);
        var deadline = _time.GetUtcNow() + request.MaxWait;
        while (true)
        {
            var compacted = Compacted;
            if (request.FromRevision <= compacted)
            {
                return new KvWatchBatch([], compacted + 1, compacted);
            }

            var changed = _changed.Task;
            var batch = await CollectAsync(request);
            var remaining = deadline - _time.GetUtcNow();
            if (batch.Events.Count > 0 || remaining <= TimeSpan.Zero)
            {
                return batch;
            }

            using var timeout = new CancellationTokenSource(remaining, _time);
            var woke = await Task.WhenAny(changed, Task.Delay(Timeout.InfiniteTimeSpan, _time, timeout.Token));
            if (woke != changed)
            {
                return await CollectAsync(request);
            }

            await timeout.CancelAsync();
        }
    }

    private async Task<KvWatchBatch> CollectAsync(KvWatchRequest request)
    {
        var events = new List<KvEvent>();
        var cursor = request.FromRevision;
        while (events.Count < request.MaxEvents && cursor <= _revision)
        {
            var windowStart = _recent.Count > 0 ? _recent[0].Revision : _revision + 1;
            if (cursor < windowStart)
            {
                // Older than this activation's memory: the store's history up to where memory starts.
                var wanted = request.MaxEvents - events.Count;
                var stored = await _store.ReadHistoryAsync(request.Key, request.IsPrefix, cursor, windowStart, wanted, CancellationToken.None);
                events.AddRange(stored);
                cursor = stored.Count == wanted ? stored[^1].Revision + 1 : windowStart;
                continue;
            }

            // _recent holds consecutive revisions, so the cursor's index is its distance from the window's start.
            for (var i = (int)(cursor - windowStart); i < _recent.Count && events.Count < request.MaxEvents; i++)
            {
                var change = _recent[i];
                cursor = change.Revision + 1;
                if (KvHistoryFilter.Matches(change.Key, request.Key, request.IsPrefix))
                {
                    events.Add(change);
                }
            }

            break;
        }

        return new KvWatchBatch(events, Math.Max(cursor, request.FromRevision), null);
    }
}
