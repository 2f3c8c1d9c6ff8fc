namespace Actors.Cluster.TestGrains;

/// <summary>Counts the ticks of a one-second reminder in its durable state.</summary>
public interface ITickerGrain : IGrainWithStringKey
{
    Task StartAsync();

    Task StopAsync();

    /// <summary>The tick count and the silo of the last tick.</summary>
    Task<SiloInfo> GetTicksAsync();
}
