using Actors.GrainInterfaces.Jobs;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>
/// The executor nodes' reports as the scheduler grain last gave them to this silo, so that checking a submission's
/// image costs no grain call per request. A report is kept for <see cref="MaxAge"/>; callers that would refuse a job
/// because of it ask again with <c>fresh: true</c>, so a refusal is always judged on the scheduler's current view.
/// </summary>
internal sealed class NodeStatusCache(IGrainFactory grains, TimeProvider time)
{
    /// <summary>How long a report answers for the scheduler.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly IGrainFactory _grains = grains;
    private readonly TimeProvider _time = time;
    private Snapshot? _last;

    /// <summary>The nodes' reports: the cached ones while younger than <see cref="MaxAge"/> unless <paramref name="fresh"/>.</summary>
    public async Task<IReadOnlyList<NodeStatus>> GetAsync(bool fresh, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (!fresh && Volatile.Read(ref _last) is { } last && now - last.Taken < MaxAge)
        {
            return last.Nodes;
        }

        // Concurrent misses each ask; the scheduler answers from memory, and the newest answer wins the cache.
        var nodes = await _grains.GetGrain<IJobSchedulerGrain>(IJobSchedulerGrain.DefaultKey).GetNodesAsync().WaitAsync(cancellationToken);
        Volatile.Write(ref _last, new Snapshot(nodes, now));
        return nodes;
    }

    private sealed record Snapshot(IReadOnlyList<NodeStatus> Nodes, DateTimeOffset Taken);
}
