using System.Collections.Concurrent;
using Actors.Reminders;
using Actors.Runtime.Diagnostics;
using Actors.Runtime.Hosting;
using Actors.Runtime.Membership;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Runtime.Reminders;

/// <summary>
/// Registers reminders in the reminder table and fires those whose grain hash falls in this silo's ranges of the
/// ring of active silos. At start, whenever membership changes the ranges, and every refresh period it reconciles
/// its timers with the table, so reminders registered before a restart, by other silos, or owned by a silo that
/// died fire here.
/// </summary>
internal sealed partial class LocalReminderService(
    IReminderTable table,
    IGrainFactory grainFactory,
    IClusterMembershipService membership,
    IReminderChangeNotifier notifier,
    ILocalSiloDetails local,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<LocalReminderService> logger) : IReminderRegistry, ILifecycleParticipant<ISiloLifecycle>, IMembershipListener, IDisposable
{
    private readonly IClusterMembershipService _membership = membership;
    private readonly IReminderChangeNotifier _notifier = notifier;
    private readonly SiloAddress _me = local.SiloAddress;
    private readonly IReminderTable _table = table;
    private readonly IGrainFactory _grainFactory = grainFactory;
    private readonly TimeProvider _time = time;
    private readonly ReminderOptions _options = options.Value;
    private readonly ILogger<LocalReminderService> _logger = logger;
    private readonly ConcurrentDictionary<(GrainId, string), LocalReminder> _local = new();
    private readonly SemaphoreSlim _reconcileLock = new(1, 1);
    private ITimer? _refreshTimer;
    private volatile bool _stopped;

    /// <summary>The parts of the ring whose reminders this silo fires (none until it is active).</summary>
    public IReadOnlyList<RingRange> Ranges { get; private set; } = [];

    /// <summary>Reminders this silo is currently firing.</summary>
    public int LocalCount => _local.Count;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(LocalReminderService), SiloLifecycleStage.ApplicationServices, StartAsync, StopAsync);

    public async Task<IGrainReminder> RegisterOrUpdateReminderAsync(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        if (period < _options.MinimumPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"A reminder period must be at least {_options.MinimumPeriod}.");
        }

        if (period.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            // Durable tables keep periods in whole milliseconds; refuse rather than silently change the schedule.
            throw new ArgumentException($"A reminder period must be a whole number of milliseconds; {period} is not.", nameof(period));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        var entry = new ReminderEntry(grainId, reminderName, _time.GetUtcNow() + dueTime, period);
        var etag = await _table.UpsertAsync(entry, cancellationToken).ConfigureAwait(false);
        entry = entry with { ETag = etag };
        if (Owns(grainId) && !_stopped)
        {
            Schedule(entry);
        }
        else
        {
            NotifyOwner(grainId);
        }

        Log.Registered(_logger, reminderName, grainId, period);
        return entry;
    }

    public async Task UnregisterReminderAsync(GrainId grainId, IGrainReminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        await _table.RemoveAsync(grainId, reminder.ReminderName, etag: null, cancellationToken).ConfigureAwait(false);
        if (_local.TryRemove((grainId, reminder.ReminderName), out var local))
        {
            local.Dispose();
        }

        NotifyOwner(grainId);

        Log.Unregistered(_logger, reminder.ReminderName, grainId);
    }

    public async Task<IGrainReminder?> GetReminderAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        await _table.ReadAsync(grainId, reminderName, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<IGrainReminder>> GetRemindersAsync(GrainId grainId, CancellationToken cancellationToken) =>
        await _table.ReadGrainAsync(grainId, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends one tick to the grain (activating it if needed); failures are logged and the reminder keeps its schedule.</summary>
    internal async Task DeliverTickAsync(ReminderEntry entry, TickStatus status)
    {
        try
        {
            Log.Tick(_logger, entry.ReminderName, entry.GrainId);
            await _grainFactory.GetGrain<IRemindable>(entry.GrainId).ReceiveReminderAsync(entry.ReminderName, status).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.TickFailed(_logger, entry.ReminderName, entry.GrainId, ex);
        }
    }

    /// <summary>Another silo changed the reminders of <paramref name="grainId"/>, whose range this silo owns: follow the table now.</summary>
    public async Task ReconcileGrainAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return;
        }

        await _reconcileLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = Owns(grainId) ? await _table.ReadGrainAsync(grainId, cancellationToken).ConfigureAwait(false) : [];
            Apply(stored, inScope: key => key.GrainId == grainId);
        }
        finally
        {
            _reconcileLock.Release();
        }
    }

    public void OnMembershipChanged(MembershipView previous, MembershipView current)
    {
        var ranges = current.Ring.RangesOf(_me);
        if (ranges.SequenceEqual(Ranges))
        {
            return;
        }

        Ranges = ranges;
        _ = RefreshAsync();
    }

    /// <summary>Makes the local timers match the table for <see cref="Ranges"/>: new and changed reminders scheduled, others stopped.</summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        await _reconcileLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var ranges = Ranges;
            var stored = new List<ReminderEntry>();
            foreach (var range in ranges)
            {
                stored.AddRange(await _table.ReadRangeAsync(range, cancellationToken).ConfigureAwait(false));
            }

            Apply(stored, inScope: static _ => true);
            Log.Loaded(_logger, stored.Count, ranges.Count);
        }
        finally
        {
            _reconcileLock.Release();
        }
    }

    public void Dispose()
    {
        _refreshTimer?.Dispose();
        foreach (var local in _local.Values)
        {
            local.Dispose();
        }

        _reconcileLock.Dispose();
    }

    /// <summary>
    /// Makes the local timers within <paramref name="inScope"/> match <paramref name="stored"/>: new and changed
    /// reminders scheduled, the others in scope stopped. Called under the reconcile lock.
    /// </summary>
    private void Apply(IReadOnlyCollection<ReminderEntry> stored, Func<(GrainId GrainId, string ReminderName), bool> inScope)
    {
        var keep = new HashSet<(GrainId, string)>();
        foreach (var entry in stored)
        {
            keep.Add((entry.GrainId, entry.ReminderName));
            if (!_local.TryGetValue((entry.GrainId, entry.ReminderName), out var existing) || existing.Entry.ETag != entry.ETag)
            {
                Schedule(entry);
            }
        }

        foreach (var key in _local.Keys)
        {
            if (inScope(key) && !keep.Contains(key) && _local.TryRemove(key, out var gone))
            {
                gone.Dispose();
            }
        }
    }

    private void NotifyOwner(GrainId grainId)
    {
        if (_membership.CurrentView.Ring.Owner(grainId.UniformHash) is { } owner && !owner.Equals(_me))
        {
            _notifier.NotifyRemindersChanged(owner, grainId);
        }
    }

    private bool Owns(GrainId grainId)
    {
        foreach (var range in Ranges)
        {
            if (range.Contains(grainId.UniformHash))
            {
                return true;
            }
        }

        return false;
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        Ranges = _membership.CurrentView.Ring.RangesOf(_me);
        await ReconcileAsync(cancellationToken).ConfigureAwait(false);
        _refreshTimer = _time.CreateTimer(static s => _ = ((LocalReminderService)s!).RefreshAsync(), this, _options.RefreshPeriod, _options.RefreshPeriod);
    }

    private Task StopAsync(CancellationToken cancellationToken)
    {
        _stopped = true;
        _refreshTimer?.Dispose();
        foreach (var key in _local.Keys)
        {
            if (_local.TryRemove(key, out var local))
            {
                local.Dispose();
            }
        }

        return Task.CompletedTask;
    }

    private async Task RefreshAsync()
    {
        if (_stopped)
        {
            return;
        }

        try
        {
            await ReconcileAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.RefreshFailed(_logger, ex);
        }
    }

    private void Schedule(ReminderEntry entry)
    {
        if (_stopped)
        {
            return;
        }

        var local = new LocalReminder(this, entry, _time);
        var previous = _local.AddOrUpdate((entry.GrainId, entry.ReminderName), local, (_, _) => local);
        if (!ReferenceEquals(previous, local))
        {
            previous.Dispose();
        }

        local.Start();
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.ReminderRegistered, LogLevel.Debug, "Reminder {ReminderName} of {GrainId} registered, period {Period}")]
        public static partial void Registered(ILogger logger, string reminderName, GrainId grainId, TimeSpan period);

        [LoggerMessage(RuntimeEventIds.ReminderUnregistered, LogLevel.Debug, "Reminder {ReminderName} of {GrainId} unregistered")]
        public static partial void Unregistered(ILogger logger, string reminderName, GrainId grainId);

        [LoggerMessage(RuntimeEventIds.ReminderTickFailed, LogLevel.Warning, "Tick of reminder {ReminderName} of {GrainId} failed; it keeps its schedule")]
        public static partial void TickFailed(ILogger logger, string reminderName, GrainId grainId, Exception exception);

        [LoggerMessage(RuntimeEventIds.RemindersLoaded, LogLevel.Debug, "{Count} reminders in this silo's {Ranges} ring ranges")]
        public static partial void Loaded(ILogger logger, int count, int ranges);

        [LoggerMessage(RuntimeEventIds.ReminderRefreshFailed, LogLevel.Warning, "Reading reminders from the table failed; will retry at the next refresh")]
        public static partial void RefreshFailed(ILogger logger, Exception exception);

        [LoggerMessage(RuntimeEventIds.ReminderTick, LogLevel.Trace, "Tick of reminder {ReminderName} of {GrainId}")]
        public static partial void Tick(ILogger logger, string reminderName, GrainId grainId);
    }
}
