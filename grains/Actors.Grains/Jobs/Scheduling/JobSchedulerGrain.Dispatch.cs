using Actors.GrainInterfaces.Jobs;

namespace Actors.Grains.Jobs.Scheduling;

internal sealed partial class JobSchedulerGrain
{
    /// <summary>Reports in a row that must miss an attempt before the scheduler calls it lost.</summary>
    private const int MissingReportsBeforeLost = 3;

    /// <summary>Hands queued jobs to nodes while some job fits some online node.</summary>
    private void Dispatch()
    {
        var now = _time.GetUtcNow();
        var online = _nodes.Values.Where(b => IsOnline(b, now)).ToList();
        if (online.Count == 0 || _queue.Count == 0)
        {
            return;
        }

        while (true)
        {
            NodeBook? chosen = null;
            var job = _queue.TakeNext(now, candidate => (chosen = Choose(online, candidate.Cpus, candidate.MemoryMb)) is not null);
            if (job is null || chosen is null)
            {
                return;
            }

            var dispatched = new DispatchedJob(job.JobId, job.Submitter, chosen.Node, chosen.Report.Silo, job.Cpus, job.MemoryMb, now);
            _dispatched[job.JobId] = dispatched;
            chosen.Add(dispatched);
            _rate.Record();

            // Not awaited: it resumes on this activation between other requests (the grain is reentrant).
            _ = DispatchOneAsync(dispatched);
        }
    }

    /// <summary>Power of two choices among the nodes where the job fits: of two picked at random, the one with more free slots.</summary>
    private static NodeBook? Choose(List<NodeBook> online, double cpus, int memoryMb)
    {
        NodeBook? first = null;
        NodeBook? second = null;
        var fitting = 0;
        foreach (var book in online)
        {
            if (!book.Fits(cpus, memoryMb))
            {
                continue;
            }

            // Reservoir sampling of two distinct fitting nodes in one pass.
            fitting++;
            if (fitting == 1)
            {
                first = book;
            }
            else if (fitting == 2)
            {
                second = book;
            }
            else if (Random.Shared.Next(fitting) < 2)
            {
                if (Random.Shared.Next(2) == 0)
                {
                    first = book;
                }
                else
                {
                    second = book;
                }
            }
        }

        if (second is null)
        {
            return first;
        }

        return second.FreeSlots > first!.FreeSlots || (second.FreeSlots == first.FreeSlots && second.FreeCpus > first.FreeCpus) ? second : first;
    }

    private async Task DispatchOneAsync(DispatchedJob dispatched)
    {
        var task = GrainFactory.GetGrain<ITaskGrain>(dispatched.JobId);
        JobAssignment? assignment;
        try
        {
            assignment = await task.AssignAsync(dispatched.Node);
        }
        catch (Exception ex)
        {
            // The job is durable and still Queued: put it back, a little later.
            LogAssignFailed(_logger, dispatched.JobId, dispatched.Node, ex);
            if (IsCurrent(dispatched))
            {
                Release(dispatched.JobId);
                _queue.MarkReady(dispatched.JobId, dispatched.Submitter, dispatched.Cpus, dispatched.MemoryMb, _time.GetUtcNow() + _options.RetryBackoff);
            }

            return;
        }

        if (assignment is null)
        {
            // Cancelled or final meanwhile: it no longer wants a node.
            if (IsCurrent(dispatched))
            {
                Release(dispatched.JobId);
                Dispatch();
            }

            return;
        }

        dispatched.Attempt = assignment.Attempt;
        string failure;
        try
        {
            var result = await GrainFactory.GetGrain<IExecutorNodeGrain>(dispatched.Node).StartAsync(assignment);
            if (result is StartAttemptResult.Started or StartAttemptResult.AlreadyRunning)
            {
                return;
            }

            failure = result switch
            {
                StartAttemptResult.EngineUnavailable => $"Node '{dispatched.Node}' refused attempt {assignment.Attempt}: its container engine is unavailable.",
                StartAttemptResult.TooLarge => $"Node '{dispatched.Node}' refused attempt {assignment.Attempt}: the job asks for more than the node's maxima.",
                _ => $"Node '{dispatched.Node}' refused attempt {assignment.Attempt}: no free capacity.",
            };
        }
        catch (Exception ex)
        {
            failure = $"Node '{dispatched.Node}' could not take attempt {assignment.Attempt}: {ex.Message}";
        }

        dispatched.LostReason = failure;
        await ReportLostAsync(dispatched);
    }

    /// <summary>Tells the Task grain its attempt is lost; on failure the sweep tries again.</summary>
    private async Task ReportLostAsync(DispatchedJob dispatched)
    {
        if (dispatched.Attempt is not { } attempt || dispatched.LostReason is not { } reason)
        {
            return;
        }

        LogAttemptLost(_logger, dispatched.JobId, attempt, reason);
        try
        {
            // The Task grain answers by re-enqueuing (or finishing) the job, which releases the books.
            await GrainFactory.GetGrain<ITaskGrain>(dispatched.JobId).AttemptLostAsync(attempt, reason);
            if (IsCurrent(dispatched))
            {
                Release(dispatched.JobId);
            }
        }
        catch (Exception ex)
        {
            LogReportLostFailed(_logger, dispatched.JobId, ex);
        }
    }

    private bool IsCurrent(DispatchedJob dispatched) =>
        _dispatched.TryGetValue(dispatched.JobId, out var current) && ReferenceEquals(current, dispatched);

    /// <summary>Counts reports that no longer list a dispatched attempt; several in a row mean its end report was lost.</summary>
    private void NoteMissingAttempts(NodeBook book)
    {
        var running = book.Report.Running;
        foreach (var dispatched in book.Dispatched)
        {
            if (dispatched.Attempt is not { } attempt || dispatched.LostReason is not null || book.ReceivedAt - dispatched.DispatchedAt < _options.SweepPeriod * 5)
            {
                continue;
            }

            var listed = running.Any(r => r.Attempt == attempt && string.Equals(r.JobId, dispatched.JobId, StringComparison.Ordinal));
            dispatched.MissingReports = listed ? 0 : dispatched.MissingReports + 1;
            if (dispatched.MissingReports >= MissingReportsBeforeLost)
            {
                dispatched.LostReason = $"Node '{book.Node}' no longer runs attempt {attempt}.";
            }
        }
    }

    /// <summary>The timer: expires stale reservations, finds attempts whose node is gone, and dispatches what became due.</summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        _queue.ExpireReservations(_time.GetUtcNow(), ReservationLifetime);
        foreach (var dispatched in _dispatched.Values)
        {
            if (dispatched.LostReason is not null)
            {
                continue;
            }

            // A dispatch rebuilt from the store has no silo: only the node name can be checked.
            var gone = dispatched.Silo.Length == 0 ? !IsNodeAlive(dispatched.Node) : !IsSiloAlive(dispatched.Silo);
            if (gone)
            {
                dispatched.LostReason = $"Node '{dispatched.Node}' went offline while it ran attempt {dispatched.Attempt}.";
            }
        }

        var lost = _dispatched.Values.Where(d => d.LostReason is not null && d.Attempt is not null).ToList();
        foreach (var dispatched in lost)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ReportLostAsync(dispatched);
        }

        Dispatch();
    }
}
