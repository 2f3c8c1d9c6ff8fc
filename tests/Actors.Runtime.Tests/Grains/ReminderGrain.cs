using Actors.Reminders;
using Actors.TestKit;

namespace Actors.Runtime.Tests.Grains;

/// <summary>Signals "tick:{key}:{reminder}" (counted) on every reminder tick.</summary>
public sealed class ReminderGrain(Probe probe) : Grain, IReminderGrain
{
    public Task RegisterAsync(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        RegisterOrUpdateReminderAsync(reminderName, dueTime, period);

    public async Task UnregisterAsync(string reminderName)
    {
        var reminder = await GetReminderAsync(reminderName) ?? throw new InvalidOperationException($"No reminder {reminderName}.");
        await UnregisterReminderAsync(reminder);
    }

    public async Task<IReadOnlyList<string>> ListAsync() => [.. (await GetRemindersAsync()).Select(r => r.ReminderName)];

    public Task ReceiveReminderAsync(string reminderName, TickStatus status)
    {
        probe.SignalCounted($"tick:{this.GetPrimaryKeyString()}:{reminderName}");
        return Task.CompletedTask;
    }
}
