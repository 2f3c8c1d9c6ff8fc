namespace Actors.Client.Tests.Grains;

/// <summary>No silo hosts a class implementing this.</summary>
public interface IUnhostedGrain : IGrainWithStringKey
{
    Task<string> NameAsync();
}
