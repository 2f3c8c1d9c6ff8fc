namespace Actors;

/// <summary>
/// A grain class with no identity-bound state: every silo may run several local activations of the same id
/// (up to <see cref="MaxLocalWorkers"/>), which are never registered in the directory.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StatelessWorkerAttribute : Attribute
{
    /// <summary>Local activations per silo and id: the processor count.</summary>
    public StatelessWorkerAttribute()
        : this(Environment.ProcessorCount)
    {
    }

    /// <summary>Local activations per silo and id.</summary>
    public StatelessWorkerAttribute(int maxLocalWorkers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLocalWorkers, 1);
        MaxLocalWorkers = maxLocalWorkers;
    }

    /// <summary>The most activations of one id on one silo.</summary>
    public int MaxLocalWorkers { get; }
}
