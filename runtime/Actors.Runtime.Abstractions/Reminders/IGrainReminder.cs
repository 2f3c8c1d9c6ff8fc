namespace Actors.Reminders;

/// <summary>A registered reminder.</summary>
public interface IGrainReminder
{
    /// <summary>The reminder's name, unique per grain.</summary>
    string ReminderName { get; }

    /// <summary>When the first tick was (or will be) due.</summary>
    DateTimeOffset FirstTickTime { get; }

    /// <summary>The time between ticks.</summary>
    TimeSpan Period { get; }
}
