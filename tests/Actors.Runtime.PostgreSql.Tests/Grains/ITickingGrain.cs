using Actors.Reminders;

namespace Actors.Runtime.PostgreSql.Tests.Grains;

public interface ITickingGrain : IGrainWithStringKey, IRemindable
{
    Task StartAsync(string reminderName, TimeSpan dueTime, TimeSpan period);
}
