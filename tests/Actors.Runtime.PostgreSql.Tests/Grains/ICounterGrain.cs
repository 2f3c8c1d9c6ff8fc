using Actors.Reminders;

namespace Actors.Runtime.PostgreSql.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>Adds one and writes the state.</summary>
    Task<int> IncrementAsync();

    Task<CounterSnapshot> GetAsync();

    /// <summary>Registers a reminder due in an hour (it never ticks during a test).</summary>
    Task RemindAsync(string reminderName);

    Task<IReadOnlyList<string>> ListRemindersAsync();
}
