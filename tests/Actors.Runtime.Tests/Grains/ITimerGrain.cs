namespace Actors.Runtime.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    /// <summary>Starts a timer whose callback signals "timer:{key}" (counted) and then waits for gate <paramref name="callbackGate"/> (null: no wait).</summary>
    Task StartAsync(TimeSpan dueTime, TimeSpan period, bool interleave, string? callbackGate);

    Task StopAsync();

    /// <summary>Holds the activation until the gate opens, signalling "holding:{key}" first.</summary>
    Task HoldAsync(string gate);

    [AlwaysInterleave]
    Task<int> GetTicksAsync();
}
