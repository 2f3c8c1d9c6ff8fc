namespace Actors.Benchmarks.InSilo;

/// <summary>The benchmarked call: one integer in, one out.</summary>
public interface IPingGrain : IGrainWithIntegerKey
{
    Task<int> PingAsync(int value);
}
