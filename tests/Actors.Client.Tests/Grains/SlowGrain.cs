using Actors.TestKit;

namespace Actors.Client.Tests.Grains;

[Reentrant]
public sealed class SlowGrain(Probe probe) : Grain, ISlowGrain
{
    private int _pings;

    public async Task<string> WaitAsync(string gate)
    {
        probe.SignalCounted("entered:" + this.GetPrimaryKeyString());
        await probe.WaitAsync(gate);
        return "opened:" + gate;
    }

    public async Task<string> WaitCancellableAsync(string gate, CancellationToken cancellationToken)
    {
        try
        {
            await probe.WaitAsync(gate).WaitAsync(cancellationToken);
            return "opened:" + gate;
        }
        catch (OperationCanceledException)
        {
            probe.Signal("cancelled:" + this.GetPrimaryKeyString());
            throw;
        }
    }

    public async Task NotifyAfterAsync(string gate, string signal)
    {
        await probe.WaitAsync(gate);
        probe.Signal(signal);
    }

    public async Task<string> WaitWithShortDeadlineAsync(string gate)
    {
        await probe.WaitAsync(gate);
        return "opened:" + gate;
    }

    public Task<int> PingAsync() => Task.FromResult(Interlocked.Increment(ref _pings));
}
