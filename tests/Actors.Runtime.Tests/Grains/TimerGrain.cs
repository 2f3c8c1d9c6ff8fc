using Actors.TestKit;
using Actors.Timers;

namespace Actors.Runtime.Tests.Grains;

public sealed class TimerGrain(Probe probe) : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;
    private bool _holding;

    public Task StartAsync(TimeSpan dueTime, TimeSpan period, bool interleave, string? callbackGate)
    {
        _timer?.Dispose();
        _timer = RegisterGrainTimer(
            async ct =>
            {
                _ticks++;
                probe.SignalCounted($"timer:{this.GetPrimaryKeyString()}" + (_holding ? ":during-hold" : string.Empty));
                if (callbackGate is not null)
                {
                    await probe.WaitAsync(callbackGate).WaitAsync(ct);
                }
            },
            new GrainTimerCreationOptions(dueTime, period) { Interleave = interleave });
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        _timer?.Dispose();
        _timer = null;
        return Task.CompletedTask;
    }

    public async Task HoldAsync(string gate)
    {
        _holding = true;
        probe.Signal("holding:" + this.GetPrimaryKeyString());
        await probe.WaitAsync(gate);
        _holding = false;
    }

    public Task<int> GetTicksAsync() => Task.FromResult(_ticks);
}
