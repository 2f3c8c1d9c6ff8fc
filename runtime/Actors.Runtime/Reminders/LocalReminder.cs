using Actors.Reminders;

namespace Actors.Runtime.Reminders;

/// <summary>
/// One reminder this silo owns, ticking from an in-memory timer. Each tick is a grain call; the next tick is the
/// first period boundary after that call returns, so ticks never overlap and a slow grain skips ticks instead of
/// piling them up.
/// </summary>
internal sealed class LocalReminder : IDisposable
{
    private readonly LocalReminderService _service;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private volatile bool _disposed;

    public LocalReminder(LocalReminderService service, ReminderEntry entry, TimeProvider time)
    {
        _service = service;
        _time = time;
        Entry = entry;
        _timer = time.CreateTimer(static s => _ = ((LocalReminder)s!).TickAsync(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public ReminderEntry Entry { get; }

    public void Start() => ScheduleNext();

    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
    }

    private async Task TickAsync()
    {
        if (_disposed)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var due = LatestDueAtOrBefore(now);
        await _service.DeliverTickAsync(Entry, new TickStatus(Entry.StartAt, Entry.Period, due)).ConfigureAwait(false);
        ScheduleNext();
    }

    private DateTimeOffset LatestDueAtOrBefore(DateTimeOffset now)
    {
        if (now <= Entry.StartAt)
        {
            return Entry.StartAt;
        }

        var periods = (now - Entry.StartAt).Ticks / Entry.Period.Ticks;
        return Entry.StartAt + TimeSpan.FromTicks(periods * Entry.Period.Ticks);
    }

    private void ScheduleNext()
    {
        if (_disposed)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var delay = Entry.NextTickAfter(now) - now;
        try
        {
            _timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed concurrently: the reminder was unregistered or moved.
        }
    }
}
