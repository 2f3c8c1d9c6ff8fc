namespace Actors.Client.Tests.Grains;

public interface ILongCompoundKeyGrain : IGrainWithIntegerCompoundKey
{
    Task<string> GetKeyAsync();
}
