namespace Actors.Reminders;

/// <summary>A grain that receives durable reminders.</summary>
public interface IRemindable : IGrain
{
    /// <summary>A reminder of this grain is due.</summary>
    /// <param name="reminderName">The reminder's name.</param>
    /// <param name="status">When this tick was due and the reminder's schedule.</param>
    Task ReceiveReminderAsync(string reminderName, TickStatus status);
}
