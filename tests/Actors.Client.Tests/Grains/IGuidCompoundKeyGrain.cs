namespace Actors.Client.Tests.Grains;

public interface IGuidCompoundKeyGrain : IGrainWithGuidCompoundKey
{
    Task<string> GetKeyAsync();
}
