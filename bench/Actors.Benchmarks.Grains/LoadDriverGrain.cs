using Actors.Benchmarks.Grains.Measurement;
using Actors.Placement;

namespace Actors.Benchmarks.Grains;

/// <summary>
/// The load comes from <see cref="LoadRunner"/>'s callers, which run on the thread pool outside this activation's
/// turn (Task.Run): they call as non-grain code of this silo, concurrently, and never queue behind each other on
/// the driver. The driver's own turn only awaits the run.
/// </summary>
[NodePinnedPlacement]
public sealed class LoadDriverGrain : Grain, ILoadDriverGrain
{
    /// <inheritdoc />
    public async Task<string[]> WarmAsync(long firstKey, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var silos = await Task.WhenAll(Enumerable.Range(0, count).Select(i => GrainFactory.GetGrain<IPingTargetGrain>(firstKey + i).WhereAsync()));
        return [.. silos.Distinct()];
    }

    /// <inheritdoc />
    public Task<string> WhereAsync() => Task.FromResult(RuntimeIdentity);

    /// <inheritdoc />
    public Task<LoadResult> RunAsync(LoadSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.Callers);
        var targets = Enumerable.Range(0, spec.Callers).Select(i => GrainFactory.GetGrain<IPingTargetGrain>(spec.FirstKey + i)).ToArray();
        return LoadRunner.RunAsync(spec.Name, spec.Callers, TimeSpan.FromSeconds(spec.Seconds), spec.MaxCallsPerCaller, (c, n) => targets[c].PingAsync(n));
    }
}
