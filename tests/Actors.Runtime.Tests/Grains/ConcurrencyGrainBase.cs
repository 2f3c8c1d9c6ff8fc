using Actors.TestKit;

namespace Actors.Runtime.Tests.Grains;

/// <summary>The probe logic; the subclasses differ only in their reentrancy.</summary>
public abstract class ConcurrencyGrainBase(Probe probe) : Grain
{
    private int _inside;
    private int _maxInside;
    private int _completed;

    public async Task HoldAsync(string gate)
    {
        Enter();
        probe.SignalCounted("entered:" + this.GetPrimaryKeyString());
        await probe.WaitAsync(gate);
        Leave();
    }

    public async Task YieldAsync(int yields)
    {
        Enter();
        for (var i = 0; i < yields; i++)
        {
            await Task.Yield();
        }

        Leave();
    }

    public async Task ReadHoldAsync(string gate) => await HoldAsync(gate);

    public Task<ConcurrencyStats> GetStatsAsync() => Task.FromResult(new ConcurrencyStats(_inside, _maxInside, _completed));

    private void Enter()
    {
        _inside++;
        _maxInside = Math.Max(_maxInside, _inside);
    }

    private void Leave()
    {
        _inside--;
        _completed++;
    }
}
