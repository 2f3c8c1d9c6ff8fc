namespace Actors.Runtime.Tests.Grains;

/// <summary>Counts how many of its requests are inside a method at once.</summary>
public interface IConcurrencyGrain : IGrainWithStringKey
{
    /// <summary>Enters, signals "entered:{key}", waits for <paramref name="gate"/>, leaves.</summary>
    Task HoldAsync(string gate);

    /// <summary>Enters, yields to the scheduler <paramref name="yields"/> times (interleaving points), leaves.</summary>
    Task YieldAsync(int yields);

    [ReadOnly]
    Task ReadHoldAsync(string gate);

    [AlwaysInterleave]
    Task<ConcurrencyStats> GetStatsAsync();
}
