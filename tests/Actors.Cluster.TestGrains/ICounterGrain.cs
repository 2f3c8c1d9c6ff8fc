namespace Actors.Cluster.TestGrains;

/// <summary>A durable counter: its value survives the death of the silo it lives on.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<SiloInfo> IncrementAsync();

    Task<SiloInfo> GetAsync();
}
