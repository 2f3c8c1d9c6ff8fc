using Actors.Persistence;
using Actors.Reminders;

namespace Actors.Runtime.PostgreSql.Tests.Grains;

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    public async Task<int> IncrementAsync()
    {
        counter.State.Value++;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<CounterSnapshot> GetAsync() => Task.FromResult(new CounterSnapshot(counter.State.Value, counter.Etag, counter.RecordExists));

    public Task RemindAsync(string reminderName) => RegisterOrUpdateReminderAsync(reminderName, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public async Task<IReadOnlyList<string>> ListRemindersAsync() => [.. (await GetRemindersAsync()).Select(r => r.ReminderName)];

    public Task ReceiveReminderAsync(string reminderName, TickStatus status) => Task.CompletedTask;
}
