using Actors.Persistence;
using Actors.Reminders;

namespace Actors.Cluster.TestGrains;

public sealed class TickerGrain([PersistentState("ticks")] IPersistentState<TickerState> state) : Grain, ITickerGrain, IRemindable
{
    private const string ReminderName = "tick";

    public Task StartAsync() => RegisterOrUpdateReminderAsync(ReminderName, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    public async Task StopAsync()
    {
        if (await GetReminderAsync(ReminderName) is { } reminder)
        {
            await UnregisterReminderAsync(reminder);
        }
    }

    public Task<SiloInfo> GetTicksAsync() => Task.FromResult(new SiloInfo(state.State.LastSilo ?? string.Empty, Guid.Empty, state.State.Ticks));

    public async Task ReceiveReminderAsync(string reminderName, TickStatus status)
    {
        state.State.Ticks++;
        state.State.LastSilo = RuntimeIdentity;
        await state.WriteStateAsync();
    }
}
