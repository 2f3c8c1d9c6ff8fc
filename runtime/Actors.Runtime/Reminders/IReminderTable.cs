namespace Actors.Runtime.Reminders;

/// <summary>Durable storage of reminders for one cluster.</summary>
public interface IReminderTable
{
    /// <summary>The reminders whose grain hash falls in <paramref name="range"/>.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(RingRange range, CancellationToken cancellationToken);

    /// <summary>The reminders of one grain.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>One reminder, or null.</summary>
    Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces a reminder; returns its new ETag.</summary>
    Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken);

    /// <summary>Deletes a reminder (only at <paramref name="etag"/> when given); false when there was nothing to delete.</summary>
    Task<bool> RemoveAsync(GrainId grainId, string reminderName, string? etag, CancellationToken cancellationToken);
}
