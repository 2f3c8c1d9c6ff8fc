namespace Actors.Reminders;

/// <summary>Registers, lists and removes durable reminders for grains (what <see cref="Grain"/>'s reminder methods call).</summary>
public interface IReminderRegistry
{
    /// <summary>Registers or changes a reminder; ticks start after <paramref name="dueTime"/> and repeat every <paramref name="period"/>.</summary>
    Task<IGrainReminder> RegisterOrUpdateReminderAsync(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken);

    /// <summary>Removes a reminder (no error when it is already gone).</summary>
    Task UnregisterReminderAsync(GrainId grainId, IGrainReminder reminder, CancellationToken cancellationToken);

    /// <summary>Finds a reminder by name.</summary>
    Task<IGrainReminder?> GetReminderAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken);

    /// <summary>Lists a grain's reminders.</summary>
    Task<IReadOnlyList<IGrainReminder>> GetRemindersAsync(GrainId grainId, CancellationToken cancellationToken);
}
