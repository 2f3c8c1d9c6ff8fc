using Actors.GrainInterfaces.Jobs;

namespace Actors.Grains.Jobs.Scheduling;

/// <summary>
/// The scheduler's books for one executor node: its last report and the capacity the scheduler has handed out there.
/// Free capacity is the node's total minus what the scheduler dispatched and has not heard end, so two dispatches in a
/// row never overfill a node between its reports.
/// </summary>
internal sealed class NodeBook(NodeStatus report, DateTimeOffset receivedAt)
{
    private readonly Dictionary<string, DispatchedJob> _dispatched = new(StringComparer.Ordinal);

    /// <summary>The node's last report.</summary>
    public NodeStatus Report { get; private set; } = report;

    /// <summary>When the scheduler received <see cref="Report"/>.</summary>
    public DateTimeOffset ReceivedAt { get; private set; } = receivedAt;

    /// <summary>The node's name.</summary>
    public string Node => Report.Node;

    /// <summary>The jobs dispatched here and not yet ended.</summary>
    public IReadOnlyCollection<DispatchedJob> Dispatched => _dispatched.Values;

    /// <summary>Free CPUs after what was handed out.</summary>
    public double FreeCpus => Report.Capacity.Cpus - _dispatched.Values.Sum(d => d.Cpus);

    /// <summary>Free memory (MiB) after what was handed out.</summary>
    public int FreeMemoryMb => Report.Capacity.MemoryMb - _dispatched.Values.Sum(d => d.MemoryMb);

    /// <summary>Free slots after what was handed out.</summary>
    public int FreeSlots => Report.Capacity.Slots - _dispatched.Count;

    /// <summary>Takes a new report.</summary>
    public void Update(NodeStatus report, DateTimeOffset receivedAt)
    {
        Report = report;
        ReceivedAt = receivedAt;
    }

    /// <summary>Whether the node can take a job needing <paramref name="cpus"/> and <paramref name="memoryMb"/> now.</summary>
    public bool Fits(double cpus, int memoryMb) =>
        FreeSlots > 0 && FreeCpus + 1e-9 >= cpus && FreeMemoryMb >= memoryMb;

    /// <summary>Whether the node could ever take such a job (its whole capacity suffices).</summary>
    public bool CouldEverFit(double cpus, int memoryMb) =>
        Report.Capacity.Slots > 0 && Report.Capacity.Cpus + 1e-9 >= cpus && Report.Capacity.MemoryMb >= memoryMb;

    /// <summary>Records a dispatch.</summary>
    public void Add(DispatchedJob job) => _dispatched[job.JobId] = job;

    /// <summary>Forgets a dispatch. False when it was not here.</summary>
    public bool Remove(string jobId) => _dispatched.Remove(jobId);

    /// <summary>The dispatch of a job here, if any.</summary>
    public DispatchedJob? Find(string jobId) => _dispatched.GetValueOrDefault(jobId);
}
