using Actors.GrainInterfaces.Jobs;
using Actors.Grains.Jobs.Storage;
using Actors.Reminders;
using Actors.Runtime.Membership;
using Actors.Timers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Jobs.Scheduling;

/// <summary>
/// The cluster's job queue and dispatcher. Queued jobs live here in memory; the job store is the durable truth, and a
/// new activation (after its silo died) rebuilds the queue and the dispatch books from it. Reentrant: dispatching
/// awaits Task and node grains, and those awaits must not hold up submissions; all state changes happen between awaits.
/// A reminder brings the scheduler back on another silo when its silo dies.
/// </summary>
[Reentrant]
internal sealed partial class JobSchedulerGrain : Grain, IJobSchedulerGrain, IRemindable
{
    private const string KeepAliveReminder = "scheduler-keepalive";
    private static readonly TimeSpan ReservationLifetime = TimeSpan.FromSeconds(60);

    private readonly IJobStore _store;
    private readonly IClusterMembershipService _membership;
    private readonly TimeProvider _time;
    private readonly ILogger<JobSchedulerGrain> _logger;
    private readonly JobSchedulerOptions _options;
    private readonly FairJobQueue _queue;
    private readonly Dictionary<string, NodeBook> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DispatchedJob> _dispatched = new(StringComparer.Ordinal);
    private readonly DispatchRate _rate;

    public JobSchedulerGrain(IJobStore store, IClusterMembershipService membership, IOptions<JobSchedulerOptions> options, TimeProvider time, ILogger<JobSchedulerGrain> logger)
    {
        _store = store;
        _membership = membership;
        _time = time;
        _logger = logger;
        _options = options.Value;
        _queue = new FairJobQueue(_options.QueueCapacity, _options.PerSubmitterCapacity);
        _rate = new DispatchRate(time);
    }

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await RebuildAsync(cancellationToken);
        RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(_options.SweepPeriod, _options.SweepPeriod) { KeepAlive = true, Interleave = true });
        await RegisterOrUpdateReminderAsync(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), cancellationToken);
    }

    /// <inheritdoc />
    public Task ReceiveReminderAsync(string reminderName, TickStatus status) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<QueueReservation> ReserveAsync(string jobId, string submitter)
    {
        if (_dispatched.ContainsKey(jobId))
        {
            return Task.FromResult(new QueueReservation(true, 0, null));
        }

        var refusal = _queue.TryReserve(jobId, submitter, _time.GetUtcNow());
        return Task.FromResult(refusal is null
            ? new QueueReservation(true, 0, null)
            : new QueueReservation(false, _rate.RetryAfterSeconds(_queue.Count), refusal));
    }

    /// <inheritdoc />
    public Task EnqueueAsync(string jobId, string submitter, JobDemand demand, DateTimeOffset? notBefore)
    {
        ArgumentNullException.ThrowIfNull(demand);
        Release(jobId);
        _queue.MarkReady(jobId, submitter, demand.Cpus, demand.MemoryMb, notBefore);
        Dispatch();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ForgetAsync(string jobId)
    {
        _queue.Remove(jobId);
        if (Release(jobId))
        {
            // Capacity came free: another job may fit now.
            Dispatch();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReportNodeAsync(NodeStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var now = _time.GetUtcNow();
        if (_nodes.TryGetValue(status.Node, out var book))
        {
            book.Update(status, now);
            NoteMissingAttempts(book);
        }
        else
        {
            book = new NodeBook(status, now);
            _nodes.Add(status.Node, book);

            // Dispatches recovered from the store before this node reported: they hold its capacity, and its
            // reports now tell whether it still runs them (a restarted node does not).
            foreach (var recovered in _dispatched.Values.Where(d => string.Equals(d.Node, status.Node, StringComparison.Ordinal)))
            {
                book.Add(recovered);
            }

            LogNodeJoined(_logger, status.Node, status.Silo, status.EngineAvailable, status.EngineDetail);
        }

        Dispatch();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<NodeStatus>> GetNodesAsync()
    {
        var now = _time.GetUtcNow();
        IReadOnlyList<NodeStatus> nodes = [.. _nodes.Values
            .OrderBy(b => b.Node, StringComparer.Ordinal)
            .Select(b => b.Report with
            {
                Online = IsOnline(b, now),
                Free = new NodeCapacity(Math.Max(0, b.FreeCpus), Math.Max(0, b.FreeMemoryMb), Math.Max(0, b.FreeSlots)),
            })];
        return Task.FromResult(nodes);
    }

    /// <inheritdoc />
    public Task<SchedulerStatus> GetStatusAsync() =>
        Task.FromResult(new SchedulerStatus(_queue.Count, _queue.Capacity, _dispatched.Count, _queue.Submitters));

    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        // Everything not final is either waiting (back into the queue) or out on a node (back into the books, so the
        // sweep notices when that node is gone). Jobs beyond the bound still come back: nothing accepted is dropped.
        var unfinished = await _store.ListUnfinishedAsync(_options.QueueCapacity * 2, cancellationToken);
        var now = _time.GetUtcNow();
        foreach (var job in unfinished)
        {
            var demand = _options.DemandOf(job.Spec);
            if (job.Status == JobStatus.Queued)
            {
                _queue.MarkReady(job.Id, job.Spec.Submitter, demand.Cpus, demand.MemoryMb, job.NextAttemptAt);
            }
            else if (job.Attempts.Count > 0)
            {
                var attempt = job.Attempts[^1];
                _dispatched[job.Id] = new DispatchedJob(job.Id, job.Spec.Submitter, attempt.Node, Silo: string.Empty, demand.Cpus, demand.MemoryMb, now)
                {
                    Attempt = attempt.Number,
                };
            }
        }

        LogRebuilt(_logger, _queue.Count, _dispatched.Count);
    }

    private bool IsOnline(NodeBook book, DateTimeOffset now) =>
        book.Report.EngineAvailable
        && now - book.ReceivedAt <= _options.NodeReportTimeout
        && IsSiloAlive(book.Report.Silo);

    private bool IsSiloAlive(string silo) =>
        _membership.CurrentView.Entries.Any(e => e.IsAlive && string.Equals(e.Silo.ToString(), silo, StringComparison.Ordinal));

    private bool IsNodeAlive(string node) =>
        _membership.CurrentView.Entries.Any(e => e.IsAlive && string.Equals(e.NodeName, node, StringComparison.Ordinal));

    /// <summary>Drops a job from the dispatch books. True when it held capacity on a node.</summary>
    private bool Release(string jobId)
    {
        if (!_dispatched.Remove(jobId, out var dispatched))
        {
            return false;
        }

        return _nodes.TryGetValue(dispatched.Node, out var book) && book.Remove(jobId);
    }
}
