using System.Collections.Concurrent;
using System.Globalization;

namespace Actors.Runtime.Reminders;

/// <summary>
/// Reminders in process memory (the embedded default): lost at exit. Shared by the silos of an in-process test
/// cluster the way a database table would be.
/// </summary>
public sealed class InMemoryReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(GrainId, string), ReminderEntry> _entries = new();
    private long _version;

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(RingRange range, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _entries.Values.Where(e => range.Contains(e.GrainId.UniformHash))]);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(GrainId grainId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _entries.Values.Where(e => e.GrainId == grainId).OrderBy(e => e.ReminderName, StringComparer.Ordinal)]);

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        Task.FromResult(_entries.TryGetValue((grainId, reminderName), out var entry) ? entry : null);

    /// <inheritdoc />
    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
        _entries[(entry.GrainId, entry.ReminderName)] = entry with { ETag = etag };
        return Task.FromResult(etag);
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(GrainId grainId, string reminderName, string? etag, CancellationToken cancellationToken)
    {
        var key = (grainId, reminderName);
        if (!_entries.TryGetValue(key, out var current) || (etag is not null && current.ETag != etag))
        {
            return Task.FromResult(false);
        }

        return Task.FromResult(_entries.TryRemove(new KeyValuePair<(GrainId, string), ReminderEntry>(key, current)));
    }
}
