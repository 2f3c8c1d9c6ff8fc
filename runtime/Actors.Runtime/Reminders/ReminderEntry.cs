using Actors.Reminders;

namespace Actors.Runtime.Reminders;

/// <summary>A durable reminder as the reminder table stores it.</summary>
/// <param name="GrainId">The grain reminded.</param>
/// <param name="ReminderName">Unique per grain.</param>
/// <param name="StartAt">When the first tick is due; later ticks are due every <paramref name="Period"/> after it.</param>
/// <param name="Period">Time between ticks.</param>
/// <param name="ETag">The stored version; null before the first write.</param>
public sealed record ReminderEntry(GrainId GrainId, string ReminderName, DateTimeOffset StartAt, TimeSpan Period, string? ETag = null) : IGrainReminder
{
    /// <inheritdoc />
    public DateTimeOffset FirstTickTime => StartAt;

    /// <summary>The first tick due strictly after <paramref name="now"/> (ticks missed while no silo owned the reminder are skipped).</summary>
    public DateTimeOffset NextTickAfter(DateTimeOffset now)
    {
        if (now < StartAt)
        {
            return StartAt;
        }

        var periods = (now - StartAt).Ticks / Period.Ticks + 1;
        return StartAt + TimeSpan.FromTicks(periods * Period.Ticks);
    }
}
