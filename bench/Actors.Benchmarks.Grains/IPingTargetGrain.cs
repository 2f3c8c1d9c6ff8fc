namespace Actors.Benchmarks.Grains;

/// <summary>
/// The benchmarked call target: one integer in, one out. Placed on the silo that first calls it, so a driver grain
/// chooses where the targets live by warming them.
/// </summary>
public interface IPingTargetGrain : IGrainWithIntegerKey
{
    /// <summary>Returns <paramref name="value"/> plus one.</summary>
    Task<int> PingAsync(int value);

    /// <summary>The address of the silo hosting this activation ("host:port@generation").</summary>
    Task<string> WhereAsync();
}
