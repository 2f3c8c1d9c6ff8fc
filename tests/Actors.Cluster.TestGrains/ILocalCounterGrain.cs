namespace Actors.Cluster.TestGrains;

/// <summary>A durable counter placed on the silo that first calls it (so tests can choose its silo).</summary>
public interface ILocalCounterGrain : IGrainWithStringKey
{
    Task<SiloInfo> IncrementAsync();

    Task<SiloInfo> GetAsync();
}
