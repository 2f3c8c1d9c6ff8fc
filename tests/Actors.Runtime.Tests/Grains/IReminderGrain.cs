using Actors.Reminders;

namespace Actors.Runtime.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey, IRemindable
{
    Task RegisterAsync(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterAsync(string reminderName);

    Task<IReadOnlyList<string>> ListAsync();
}
