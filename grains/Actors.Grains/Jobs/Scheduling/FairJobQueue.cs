namespace Actors.Grains.Jobs.Scheduling;

/// <summary>
/// The scheduler's bounded queue: one FIFO per submitter, served round-robin so a flood from one submitter cannot
/// starve the others; each submitter may hold at most its share of the whole bound. Reservations count against the
/// bound before their job is persisted, so an accepted job always has its place. Not thread-safe: the scheduler
/// grain's turns serialise access.
/// </summary>
internal sealed class FairJobQueue
{
    private readonly Dictionary<string, QueuedJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedList<QueuedJob>> _bySubmitter = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _turns = new();
    private readonly int _capacity;
    private readonly int _perSubmitter;

    /// <summary>Creates a queue holding at most <paramref name="capacity"/> jobs, <paramref name="perSubmitter"/> per submitter.</summary>
    public FairJobQueue(int capacity, int perSubmitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perSubmitter, 1);
        _capacity = capacity;
        _perSubmitter = Math.Min(perSubmitter, capacity);
    }

    /// <summary>Jobs held (reserved or ready).</summary>
    public int Count => _jobs.Count;

    /// <summary>The bound.</summary>
    public int Capacity => _capacity;

    /// <summary>Submitters with at least one job held.</summary>
    public int Submitters => _bySubmitter.Count;

    /// <summary>Whether the job is held.</summary>
    public bool Contains(string jobId) => _jobs.ContainsKey(jobId);

    /// <summary>Holds a place for a job that is about to be persisted. Null when it got one; otherwise why not.</summary>
    public string? TryReserve(string jobId, string submitter, DateTimeOffset now)
    {
        if (_jobs.ContainsKey(jobId))
        {
            return null;
        }

        if (_jobs.Count >= _capacity)
        {
            return $"The job queue is full ({_capacity} jobs).";
        }

        if (_bySubmitter.TryGetValue(submitter, out var own) && own.Count >= _perSubmitter)
        {
            return $"Submitter '{submitter}' already has {own.Count} queued jobs, its share of the queue.";
        }

        Add(new QueuedJob(jobId, submitter) { ReservedAt = now });
        return null;
    }

    /// <summary>Makes a job ready to dispatch (adding it when it was not reserved: a rebuild or a retry may exceed the bound, nothing accepted is dropped).</summary>
    public void MarkReady(string jobId, string submitter, double cpus, int memoryMb, DateTimeOffset? notBefore)
    {
        if (!_jobs.TryGetValue(jobId, out var job))
        {
            job = new QueuedJob(jobId, submitter);
            Add(job);
        }

        job.Ready = true;
        job.Cpus = cpus;
        job.MemoryMb = memoryMb;
        job.NotBefore = notBefore;
    }

    /// <summary>Removes a job. False when it was not held.</summary>
    public bool Remove(string jobId)
    {
        if (!_jobs.Remove(jobId, out var job))
        {
            return false;
        }

        var own = _bySubmitter[job.Submitter];
        own.Remove(job.Node!);
        if (own.Count == 0)
        {
            _bySubmitter.Remove(job.Submitter);
            _turns.Remove(job.Submitter);
        }

        return true;
    }

    /// <summary>Drops reservations whose job was never persisted (its submission failed) after <paramref name="age"/>.</summary>
    public int ExpireReservations(DateTimeOffset now, TimeSpan age)
    {
        var stale = _jobs.Values.Where(j => !j.Ready && now - j.ReservedAt > age).Select(j => j.JobId).ToList();
        foreach (var jobId in stale)
        {
            Remove(jobId);
        }

        return stale.Count;
    }

    /// <summary>
    /// The next ready job, submitters taken in turn, that <paramref name="fits"/> accepts. Each submitter offers its
    /// oldest ready job that is due. The chosen job is removed and its submitter goes to the back of the turns.
    /// </summary>
    public QueuedJob? TakeNext(DateTimeOffset now, Func<QueuedJob, bool> fits)
    {
        for (var turn = _turns.First; turn is not null; turn = turn.Next)
        {
            var candidate = _bySubmitter[turn.Value].FirstOrDefault(j => j.Ready && (j.NotBefore is null || j.NotBefore <= now));
            if (candidate is null || !fits(candidate))
            {
                continue;
            }

            var submitter = turn.Value;
            Remove(candidate.JobId);
            if (_bySubmitter.ContainsKey(submitter))
            {
                // Still has jobs: it had its turn, so it waits behind the others.
                _turns.Remove(submitter);
                _turns.AddLast(submitter);
            }

            return candidate;
        }

        return null;
    }

    /// <summary>When the earliest backed-off job becomes due, if any job waits for that.</summary>
    public DateTimeOffset? EarliestNotBefore(DateTimeOffset now) =>
        _jobs.Values.Where(j => j.Ready && j.NotBefore > now).Select(j => j.NotBefore).Min();

    private void Add(QueuedJob job)
    {
        _jobs.Add(job.JobId, job);
        if (!_bySubmitter.TryGetValue(job.Submitter, out var own))
        {
            own = new LinkedList<QueuedJob>();
            _bySubmitter.Add(job.Submitter, own);
            _turns.AddLast(job.Submitter);
        }

        job.Node = own.AddLast(job);
    }
}
