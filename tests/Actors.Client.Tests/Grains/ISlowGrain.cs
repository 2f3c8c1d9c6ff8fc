namespace Actors.Client.Tests.Grains;

public interface ISlowGrain : IGrainWithStringKey
{
    /// <summary>Signals "entered:{key}", then waits for <paramref name="gate"/> (which the test may never open).</summary>
    Task<string> WaitAsync(string gate);

    /// <summary>Like <see cref="WaitAsync"/>, but ends when the runtime cancels the token.</summary>
    Task<string> WaitCancellableAsync(string gate, CancellationToken cancellationToken);

    /// <summary>Waits for <paramref name="gate"/>, then signals <paramref name="signal"/>; the caller does not wait.</summary>
    [OneWay]
    Task NotifyAfterAsync(string gate, string signal);

    [ResponseTimeout("00:00:00.300")]
    Task<string> WaitWithShortDeadlineAsync(string gate);

    [ReadOnly]
    Task<int> PingAsync();
}
