using Actors.Benchmarks.Grains.Measurement;

namespace Actors.Benchmarks.Grains;

/// <summary>
/// Pinned to the node named by its key: activates ping grains on its own silo and runs closed-loop load against
/// ping grains from its silo, so the benchmark chooses which silo calls and which answers.
/// </summary>
public interface ILoadDriverGrain : IGrainWithStringKey
{
    /// <summary>
    /// Calls ping grains <paramref name="firstKey"/> to <paramref name="firstKey"/> + <paramref name="count"/> - 1
    /// from this silo (prefer-local grains not yet active then live here) and returns the silos they answered from.
    /// </summary>
    Task<string[]> WarmAsync(long firstKey, int count);

    /// <summary>The address of the silo hosting this driver.</summary>
    Task<string> WhereAsync();

    /// <summary>
    /// Runs <see cref="LoadSpec.Callers"/> closed-loop callers for <see cref="LoadSpec.Seconds"/>. Takes longer than
    /// the default 30 s call deadline allows for long runs: call it through a reference with a longer timeout.
    /// </summary>
    Task<LoadResult> RunAsync(LoadSpec spec);
}
