using System.ComponentModel.DataAnnotations;

namespace Actors.Runtime.Reminders;

/// <summary>Reminder settings (configuration section <c>Actors:Reminders</c>).</summary>
public sealed class ReminderOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Actors:Reminders";

    /// <summary>The shortest period a reminder may have. Default 1 s (Orleans' is 1 min).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MinimumPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the silo re-reads its reminders from the table to pick up changes made elsewhere. Default 1 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
