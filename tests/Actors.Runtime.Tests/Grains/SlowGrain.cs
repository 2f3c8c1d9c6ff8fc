using Actors.TestKit;

namespace Actors.Runtime.Tests.Grains;

public sealed class SlowGrain(Probe probe) : Grain, ISlowGrain
{
    private int _pings;

    public Task WaitAsync(string gate) => probe.WaitAsync(gate);

    public Task WaitWithShortDeadlineAsync(string gate) => probe.WaitAsync(gate);

    public async Task<string> WaitCancellableAsync(string gate, CancellationToken cancellationToken)
    {
        try
        {
            await probe.WaitAsync(gate).WaitAsync(cancellationToken);
            return "opened";
        }
        catch (OperationCanceledException)
        {
            probe.Signal("cancelled:" + this.GetPrimaryKeyString());
            throw;
        }
    }

    public Task<int> PingAsync() => Task.FromResult(++_pings);
}
