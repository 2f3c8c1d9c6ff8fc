namespace Actors.Runtime.Tests.Grains;

public interface ISlowGrain : IGrainWithStringKey
{
    /// <summary>Waits for a gate the test may never open.</summary>
    Task WaitAsync(string gate);

    [ResponseTimeout("00:00:00.300")]
    Task WaitWithShortDeadlineAsync(string gate);

    /// <summary>Waits for the gate or until the runtime cancels the token (deadline or caller).</summary>
    Task<string> WaitCancellableAsync(string gate, CancellationToken cancellationToken);

    Task<int> PingAsync();
}
