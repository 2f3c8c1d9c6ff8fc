namespace Actors.Client.Tests.Grains;

public interface ILongKeyGrain : IGrainWithIntegerKey
{
    Task<long> GetKeyAsync();
}
