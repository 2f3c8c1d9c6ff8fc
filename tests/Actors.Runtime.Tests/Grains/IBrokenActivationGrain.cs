namespace Actors.Runtime.Tests.Grains;

public interface IBrokenActivationGrain : IGrainWithStringKey
{
    Task<string> PingAsync();
}
