namespace Actors.Runtime.Activations;

/// <summary>The local activations of one [StatelessWorker] grain id: an idle one serves, else a new one up to the limit, else the least loaded.</summary>
internal sealed class StatelessWorkerGroup(GrainId grainId, int limit)
{
    private readonly Lock _lock = new();
    private readonly List<ActivationData> _workers = [];

    public GrainId GrainId { get; } = grainId;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _workers.Count;
            }
        }
    }

    public IReadOnlyList<ActivationData> Workers
    {
        get
        {
            lock (_lock)
            {
                return [.. _workers];
            }
        }
    }

    public ActivationData Pick(Func<ActivationData> create)
    {
        ActivationData? created = null;
        ActivationData? chosen;
        lock (_lock)
        {
            chosen = null;
            var lowest = int.MaxValue;
            foreach (var worker in _workers)
            {
                var load = worker.Load;
                if (load < lowest)
                {
                    lowest = load;
                    chosen = worker;
                }
            }

            if (chosen is null || (lowest > 0 && _workers.Count < limit))
            {
                created = create();
                _workers.Add(created);
                chosen = created;
            }
        }

        created?.StartActivation();
        return chosen;
    }

    public void Remove(ActivationData worker)
    {
        lock (_lock)
        {
            _workers.Remove(worker);
        }
    }
}
