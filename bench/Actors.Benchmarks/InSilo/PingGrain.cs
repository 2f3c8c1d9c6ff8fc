namespace Actors.Benchmarks.InSilo;

/// <summary>Does the same trivial work as the Channel baseline's actor.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    private int _calls;

    public Task<int> PingAsync(int value)
    {
        _calls++;
        return Task.FromResult(value + 1);
    }
}
