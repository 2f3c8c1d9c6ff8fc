namespace Actors.Cluster.TestGrains;

public sealed class CounterState
{
    public long Value { get; set; }
}
