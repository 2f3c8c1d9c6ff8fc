using Actors.Placement;

namespace Actors.Benchmarks.Grains;

/// <summary>Does the same trivial work as the in-silo benchmark's ping grain.</summary>
[PreferLocalPlacement]
public sealed class PingTargetGrain : Grain, IPingTargetGrain
{
    private int _calls;

    /// <inheritdoc />
    public Task<int> PingAsync(int value)
    {
        _calls++;
        return Task.FromResult(value + 1);
    }

    /// <inheritdoc />
    public Task<string> WhereAsync() => Task.FromResult(RuntimeIdentity);
}
