using Actors.Reminders;
using Actors.TestKit;

namespace Actors.Runtime.PostgreSql.Tests.Grains;

/// <summary>Signals "tick:{key}:{reminder}" (counted) on every reminder tick.</summary>
public sealed class TickingGrain(Probe probe) : Grain, ITickingGrain
{
    public Task StartAsync(string reminderName, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminderAsync(reminderName, dueTime, period);

    public Task ReceiveReminderAsync(string reminderName, TickStatus status)
    {
        probe.SignalCounted($"tick:{this.GetPrimaryKeyString()}:{reminderName}");
        return Task.CompletedTask;
    }
}
