namespace Actors.Cluster.TestGrains;

public sealed class TickerState
{
    public long Ticks { get; set; }

    public string? LastSilo { get; set; }
}
