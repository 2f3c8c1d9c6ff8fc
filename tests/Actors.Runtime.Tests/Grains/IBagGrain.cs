namespace Actors.Runtime.Tests.Grains;

public interface IBagGrain : IGrainWithGuidKey
{
    /// <summary>Keeps the list it was given and returns it.</summary>
    Task<List<int>> StoreAsync(List<int> items);

    Task<List<int>> GetStoredAsync();

    Task<ImmutableBag> EchoImmutableAsync(ImmutableBag bag);

    [OneWay]
    Task AddOneWayAsync(int item);
}
